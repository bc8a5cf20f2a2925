// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal;

import java.io.Serial;
import java.security.ProviderException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that hands out a given byte string once, in order, and then refuses.
 * It feeds a chosen seed (FIPS 203 d and z, FIPS 204 xi, an encapsulation's m) into a JDK
 * algorithm that only takes randomness, so that NanoPQ can derive keys from seeds.
 */
public final class FixedRandom extends SecureRandom {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] stream;
    private int position;

    /** Serves {@code stream}; the caller keeps ownership and zeroes it afterwards. */
    public FixedRandom(byte[] stream) {
        super(null, null);
        this.stream = stream;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (bytes.length > stream.length - position) {
            throw new ProviderException("Fixed randomness exhausted: the backend asked for more bytes than expected");
        }
        System.arraycopy(stream, position, bytes, 0, bytes.length);
        position += bytes.length;
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] seed = new byte[numBytes];
        nextBytes(seed);
        return seed;
    }

    /** True once every byte was consumed, which a caller checks to be sure the seed was used as meant. */
    public boolean isExhausted() {
        return position == stream.length;
    }
}
