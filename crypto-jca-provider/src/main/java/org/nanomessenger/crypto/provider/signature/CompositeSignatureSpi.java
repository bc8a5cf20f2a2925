// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.EnumSet;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.bc.Curve25519;
import org.nanomessenger.crypto.provider.internal.bc.MlDsaWithContext;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/**
 * MLDSA65-Ed25519-SHA512 of draft-ietf-lamps-pq-composite-sigs: both component signatures over
 * M' = Prefix || Label || len(ctx) || ctx || SHA-512(M), ML-DSA-65 with ctx = Label. The signature
 * is the ML-DSA-65 signature followed by the Ed25519 one; it verifies only if both do.
 */
public final class CompositeSignatureSpi extends NanoSignatureSpi {

    /** The draft's Prefix: the ASCII string "CompositeAlgorithmSignatures2025". */
    private static final byte[] PREFIX = "CompositeAlgorithmSignatures2025".getBytes(StandardCharsets.US_ASCII);
    /** The draft's Label for this combination. */
    private static final byte[] LABEL = "COMPSIG-MLDSA65-Ed25519-SHA512".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_CONTEXT = {};
    private static final int ML_DSA_PUBLIC = 1952;
    private static final int ML_DSA_SIGNATURE = 3309;
    private static final int ML_DSA_SEED = 32;

    public CompositeSignatureSpi() {
        super(EnumSet.of(KeyType.MLDSA65_ED25519_SHA512));
    }

    @Override
    protected byte[] sign(NanoPrivateKey key, byte[] message, SecureRandom random) throws SignatureException {
        SigningKey signingKey = key.backend(CompositeSignatureSpi::signingKey, SigningKey::destroy);
        byte[] representative = representative(message);

        byte[] mlDsa = MlDsaWithContext.sign(signingKey.mlDsa(), LABEL, representative, random);
        byte[] ed25519 = Curve25519.ed25519Sign(signingKey.ed25519Secret(), signingKey.ed25519Public(),
                representative, 0, representative.length);
        return Bytes.concat(mlDsa, ed25519);
    }

    @Override
    protected boolean verify(NanoPublicKey key, byte[] message, byte[] signature) {
        VerifyingKey verifyingKey = key.backend(CompositeSignatureSpi::verifyingKey);
        byte[] representative = representative(message);

        boolean ed25519 = Curve25519.ed25519Verify(signature, ML_DSA_SIGNATURE, verifyingKey.ed25519(),
                representative, 0, representative.length);
        return ed25519 && MlDsaWithContext.verify(verifyingKey.mlDsa(), LABEL, representative,
                Arrays.copyOfRange(signature, 0, ML_DSA_SIGNATURE));
    }

    @Override
    protected int signatureLength(KeyType type) {
        return ML_DSA_SIGNATURE + Curve25519.SIGNATURE_LENGTH;
    }

    /** The draft's message representative M', with the empty context. */
    private static byte[] representative(byte[] message) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-512").digest(message);
            return Bytes.concat(PREFIX, LABEL, new byte[] {(byte) EMPTY_CONTEXT.length}, EMPTY_CONTEXT, hash);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("SHA-512 is missing from the JDK", e);
        }
    }

    private static SigningKey signingKey(NanoPrivateKey key) {
        byte[] secret = key.secret();
        byte[] seed = Arrays.copyOfRange(secret, 0, ML_DSA_SEED);
        byte[] ed25519Secret = Arrays.copyOfRange(secret, ML_DSA_SEED, secret.length);
        byte[] ed25519Public = Arrays.copyOfRange(key.publicKey().raw(), ML_DSA_PUBLIC, KeyType.MLDSA65_ED25519_SHA512
                .publicLength());
        try {
            return new SigningKey(MlDsaWithContext.fromSeed(seed), ed25519Secret, ed25519Public);
        } finally {
            Bytes.zero(secret, seed);
        }
    }

    private static VerifyingKey verifyingKey(NanoPublicKey key) {
        byte[] raw = key.raw();
        return new VerifyingKey(MlDsaWithContext.fromPublicKey(Arrays.copyOfRange(raw, 0, ML_DSA_PUBLIC)),
                Curve25519.ed25519Point(Arrays.copyOfRange(raw, ML_DSA_PUBLIC, raw.length)));
    }

    private record SigningKey(MlDsaWithContext.PrivateHandle mlDsa, byte[] ed25519Secret, byte[] ed25519Public) {
        void destroy() {
            mlDsa.destroy();
            Bytes.zero(ed25519Secret);
        }
    }

    private record VerifyingKey(MlDsaWithContext.PublicHandle mlDsa, Curve25519.Ed25519Point ed25519) {
    }
}
