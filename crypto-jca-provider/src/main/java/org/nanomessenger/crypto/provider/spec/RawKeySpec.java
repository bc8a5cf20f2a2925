// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.spec;

import java.security.spec.KeySpec;
import java.util.Objects;

/**
 * A key as the raw bytes its standard defines, for wire formats that carry bare keys: FIPS 203 ek,
 * FIPS 204 pk, the RFC 7748 and RFC 8032 32-byte keys, the X-Wing and composite concatenations.
 * For ML-KEM and ML-DSA private keys both the seed and the expanded key are accepted; NanoPQ
 * answers the seed when it has one.
 */
public final class RawKeySpec implements KeySpec {

    private final byte[] key;

    /** Copies {@code key}. */
    public RawKeySpec(byte[] key) {
        this.key = Objects.requireNonNull(key, "key").clone();
    }

    /** A copy of the raw key bytes. */
    public byte[] getKey() {
        return key.clone();
    }
}
