// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.nanomessenger.crypto.provider.NanoAlgorithms;

/**
 * The three crypto modes: which signature and which KEM a user's keys use. A mode follows from the
 * identity key's algorithm; the server's policy names the weakest mode it accepts.
 *
 * <p>Modes are ranked classical, hybrid, quantum. Hybrid and quantum both resist a quantum computer;
 * quantum ranks above hybrid because a policy of {@code quantum} means post-quantum algorithms only,
 * which hybrid keys (half classical) do not meet.
 */
public enum CryptoMode {

    /** Ed25519 and X25519: no protection against a quantum computer. */
    CLASSICAL("classical", NanoAlgorithms.ED25519, NanoAlgorithms.X25519),
    /** ML-DSA-65 with Ed25519, and X-Wing (ML-KEM-768 with X25519): safe if either half holds. */
    HYBRID("hybrid", NanoAlgorithms.MLDSA65_ED25519_SHA512, NanoAlgorithms.X_WING),
    /** ML-DSA-65 and ML-KEM-768 alone. */
    QUANTUM("quantum", NanoAlgorithms.ML_DSA_65, NanoAlgorithms.ML_KEM_768);

    private final String wireName;
    private final String signatureAlgorithm;
    private final String kemAlgorithm;

    CryptoMode(String wireName, String signatureAlgorithm, String kemAlgorithm) {
        this.wireName = wireName;
        this.signatureAlgorithm = signatureAlgorithm;
        this.kemAlgorithm = kemAlgorithm;
    }

    /** The name in JSON and in signing inputs: {@code classical}, {@code hybrid} or {@code quantum}. */
    public String wireName() {
        return wireName;
    }

    /** The JCA name of the identity (signature) algorithm. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The JCA name of the prekey (KEM) algorithm. */
    public String kemAlgorithm() {
        return kemAlgorithm;
    }

    /** Whether this mode meets a policy that names {@code minimum} as the weakest accepted. */
    public boolean isAtLeast(CryptoMode minimum) {
        return ordinal() >= minimum.ordinal();
    }

    /**
     * The mode with the given wire name.
     *
     * @throws IllegalArgumentException naming the accepted values, for an unknown name
     */
    public static CryptoMode fromWireName(String name) {
        String normalized = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.wireName.equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown crypto mode '" + name + "': expected classical, hybrid or quantum"));
    }

    /** The mode whose identity keys use {@code algorithm}, if any. */
    public static Optional<CryptoMode> forSignatureAlgorithm(String algorithm) {
        return Arrays.stream(values()).filter(m -> m.signatureAlgorithm.equalsIgnoreCase(algorithm)).findFirst();
    }

    /** The mode whose prekeys use {@code algorithm}, if any. */
    public static Optional<CryptoMode> forKemAlgorithm(String algorithm) {
        return Arrays.stream(values()).filter(m -> m.kemAlgorithm.equalsIgnoreCase(algorithm)).findFirst();
    }
}
