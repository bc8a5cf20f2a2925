// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.signature;

import java.security.SecureRandom;
import java.util.EnumSet;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.bc.Curve25519;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/** Pure Ed25519 (RFC 8032 §5.1), deterministic, on Bouncy Castle's implementation. */
public final class Ed25519SignatureSpi extends NanoSignatureSpi {

    public Ed25519SignatureSpi() {
        super(EnumSet.of(KeyType.ED25519));
    }

    @Override
    protected byte[] sign(NanoPrivateKey key, byte[] message, SecureRandom random) {
        byte[] secret = key.secret();
        try {
            return Curve25519.ed25519Sign(secret, key.publicKey().raw(), message, 0, message.length);
        } finally {
            Bytes.zero(secret);
        }
    }

    @Override
    protected boolean verify(NanoPublicKey key, byte[] message, byte[] signature) {
        Curve25519.Ed25519Point point = key.backend(k -> Curve25519.ed25519Point(k.raw()));
        return Curve25519.ed25519Verify(signature, 0, point, message, 0, message.length);
    }

    @Override
    protected int signatureLength(KeyType type) {
        return Curve25519.SIGNATURE_LENGTH;
    }
}
