// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.bench;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.nanomessenger.crypto.provider.NanoPQProvider;

/**
 * The three implementations a benchmark compares, by the short name used in its parameters:
 * {@code NanoPQ}, {@code BC} (Bouncy Castle's provider) and {@code JDK} (whichever built-in
 * provider the JDK picks for the standard name).
 */
final class Implementations {

    private static final Provider NANO_PQ = new NanoPQProvider();
    private static final Provider BOUNCY_CASTLE = bouncyCastle();

    private Implementations() {
    }

    /** The provider for a short name; {@code null} means the JDK's own choice. */
    static Provider provider(String implementation) {
        return switch (implementation) {
            case "NanoPQ" -> NANO_PQ;
            case "BC" -> BOUNCY_CASTLE;
            case "JDK" -> null;
            default -> throw new IllegalArgumentException("Unknown implementation " + implementation);
        };
    }

    /**
     * Splits a benchmark parameter {@code "<algorithm>@<implementation>"}.
     *
     * @return the algorithm and the implementation's short name
     */
    static String[] split(String parameter) {
        String[] parts = parameter.split("@", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Expected <algorithm>@<implementation>, got " + parameter);
        }
        return parts;
    }

    private static Provider bouncyCastle() {
        // BC's composite key generator finds its component generators through the name "BC". Added
        // last, so the JDK's own providers still answer getInstance calls without a provider.
        Provider provider = Security.getProvider("BC");
        if (provider == null) {
            provider = new BouncyCastleProvider();
            Security.addProvider(provider);
        }
        return provider;
    }
}
