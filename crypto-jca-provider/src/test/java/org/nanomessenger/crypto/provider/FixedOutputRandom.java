// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import java.io.Serial;
import java.security.SecureRandom;

/**
 * A test {@link SecureRandom} that hands out a fixed byte string in order, then fails, so that a
 * test knows exactly which randomness an algorithm consumed.
 */
public final class FixedOutputRandom extends SecureRandom {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] output;
    private int position;

    public FixedOutputRandom(byte[]... parts) {
        super(null, null);
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        output = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, output, offset, part.length);
            offset += part.length;
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (bytes.length > output.length - position) {
            throw new IllegalStateException("The algorithm asked for more randomness than the test provided");
        }
        System.arraycopy(output, position, bytes, 0, bytes.length);
        position += bytes.length;
    }

    /** True once every byte was handed out. */
    public boolean isExhausted() {
        return position == output.length;
    }
}
