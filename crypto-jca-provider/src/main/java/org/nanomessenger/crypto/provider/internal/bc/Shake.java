// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal.bc;

import org.bouncycastle.crypto.digests.SHAKEDigest;

/** SHAKE256 (FIPS 202), which the JDK does not offer through a public API. */
public final class Shake {

    private Shake() {
    }

    /** SHAKE256(input, 8 * outputLength). */
    public static byte[] shake256(byte[] input, int outputLength) {
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(input, 0, input.length);
        byte[] out = new byte[outputLength];
        shake.doFinal(out, 0, outputLength);
        return out;
    }
}
