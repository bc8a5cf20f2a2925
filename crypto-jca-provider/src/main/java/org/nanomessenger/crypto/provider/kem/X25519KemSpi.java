// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.kem;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.EnumSet;

import javax.crypto.DecapsulateException;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.Hkdf;
import org.nanomessenger.crypto.provider.internal.bc.Curve25519;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/**
 * DHKEM(X25519, HKDF-SHA256), KEM id 0x0020, as RFC 9180 §4.1 defines it. The encapsulation is the
 * ephemeral public key; an all-zero Diffie-Hellman output is refused (RFC 9180 §7.1.4).
 */
public final class X25519KemSpi extends NanoKemSpi {

    private static final byte[] SUITE_ID = {'K', 'E', 'M', 0x00, 0x20};
    private static final byte[] VERSION = "HPKE-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EAE_PRK = "eae_prk".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHARED_SECRET = "shared_secret".getBytes(StandardCharsets.US_ASCII);
    /** Any scalar works: clamping makes it a multiple of the cofactor, which sends small-order points to 0. */
    private static final byte[] PROBE_SCALAR = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
    };

    public X25519KemSpi() {
        super(EnumSet.of(KeyType.X25519));
    }

    @Override
    protected void checkPublicKey(NanoPublicKey key) throws InvalidKeyException {
        boolean smallOrder = key.backend(k -> Curve25519.x25519(PROBE_SCALAR, k.raw()) == null);
        if (smallOrder) {
            throw new InvalidKeyException("X25519 public key has small order: every shared secret would be zero");
        }
    }

    /** RFC 9180 §4.1 Encap(pkR). */
    @Override
    protected Encapsulation encapsulate(NanoPublicKey key, SecureRandom random) {
        byte[] ephemeralSecret = new byte[Curve25519.KEY_LENGTH];
        Curve25519.randomPrivateKey(random, ephemeralSecret);
        byte[] enc = Curve25519.x25519PublicKey(ephemeralSecret);
        byte[] recipient = key.raw();
        byte[] dh = Curve25519.x25519(ephemeralSecret, recipient);
        Bytes.zero(ephemeralSecret);
        if (dh == null) {
            throw new ProviderException("X25519 public key has small order: the shared secret is zero");
        }
        return new Encapsulation(extractAndExpand(dh, Bytes.concat(enc, recipient)), enc);
    }

    /** RFC 9180 §4.1 Decap(enc, skR). */
    @Override
    protected byte[] decapsulate(NanoPrivateKey key, byte[] encapsulation) throws DecapsulateException {
        byte[] secret = key.secret();
        byte[] dh = Curve25519.x25519(secret, encapsulation);
        Bytes.zero(secret);
        if (dh == null) {
            throw new DecapsulateException("X25519 encapsulation has small order: the shared secret would be zero");
        }
        return extractAndExpand(dh, Bytes.concat(encapsulation, key.publicKey().raw()));
    }

    @Override
    protected int encapsulationLength(KeyType type) {
        return Curve25519.KEY_LENGTH;
    }

    /** RFC 9180 §4.1 ExtractAndExpand, with LabeledExtract and LabeledExpand of §4. */
    private static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
        byte[] labeledIkm = Bytes.concat(VERSION, SUITE_ID, EAE_PRK, dh);
        byte[] prk = Hkdf.extract(new byte[0], labeledIkm);
        Bytes.zero(dh, labeledIkm);
        byte[] length = {0, SECRET_LENGTH};
        byte[] labeledInfo = Bytes.concat(length, VERSION, SUITE_ID, SHARED_SECRET, kemContext);
        try {
            return Hkdf.expand(prk, labeledInfo, SECRET_LENGTH);
        } finally {
            Bytes.zero(prk);
        }
    }
}
