// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Signatures;

/**
 * Decoded identity keys, kept per server node. Decoding validates the key and, for the hybrid
 * composite, expands its ML-DSA half for verification; keeping the decoded key lets every later
 * signature from the same sender skip that work (docs/performance.md: 147 µs instead of 266 µs per
 * composite verification). The cache holds public keys only, keyed by the SHA-256 of their
 * encoding, and keeps the most recently used {@value #CAPACITY}.
 */
@ApplicationScoped
public class IdentityKeys {

    /** About 40 MB at most: an expanded hybrid key holds some 36 KB of ML-DSA-65 matrix. */
    private static final int CAPACITY = 1_000;

    private final Map<String, PublicKey> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PublicKey> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * The key an X.509 encoding names, decoded once per node.
     *
     * @throws ProtocolException as {@link Signatures#decodePublicKey} does
     */
    public PublicKey decode(byte[] spki) throws ProtocolException {
        String id = HexFormat.of().formatHex(sha256(spki));
        synchronized (decoded) {
            PublicKey key = decoded.get(id);
            if (key != null) {
                return key;
            }
        }
        PublicKey key = Signatures.decodePublicKey(spki);
        synchronized (decoded) {
            decoded.put(id, key);
        }
        return key;
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
