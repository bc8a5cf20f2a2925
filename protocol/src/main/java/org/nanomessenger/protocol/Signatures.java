// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

import org.nanomessenger.crypto.provider.NanoPQProvider;

/**
 * Signs and verifies signing inputs with identity keys, and decodes the public keys of the wire
 * format, all through the NanoPQ provider. The signature algorithm follows from the key: an
 * identity key is one of the {@link CryptoMode#signatureAlgorithm() signature algorithms} of the
 * crypto modes, named as NanoPQ and Bouncy Castle name them ({@code Ed25519},
 * {@code MLDSA65-Ed25519-SHA512}, {@code ML-DSA-65}). Keys decoded by {@link #decodePublicKey}
 * always are.
 *
 * <p>NanoPQ is used as an instance and never installed with {@code Security.addProvider}, so a
 * server using this class leaves no global registration behind.
 */
public final class Signatures {

    private static final Provider NANO = new NanoPQProvider();

    private Signatures() {
    }

    /**
     * Signs {@code signingInput} with an identity private key.
     *
     * @throws ProtocolException with {@link Problem#INVALID_KEY} if the key is not of an identity
     *         algorithm or the provider refuses it or cannot sign with it (such as a destroyed key)
     */
    public static byte[] sign(PrivateKey identity, byte[] signingInput) throws ProtocolException {
        Objects.requireNonNull(signingInput, "signingInput");
        Signature signer = signatureFor(identity);

        try {
            signer.initSign(identity);
            signer.update(signingInput);
            return signer.sign();
        } catch (InvalidKeyException | SignatureException e) {
            // NanoPQ answers SignatureException at sign time for a key destroyed after initSign
            throw refused(identity, e);
        }
    }

    /**
     * Verifies {@code signature} over {@code signingInput} with an identity public key.
     *
     * @return whether the signature is valid; false, never an exception, for a signature that is
     *         garbled, of the wrong length or made by another key or algorithm
     * @throws ProtocolException with {@link Problem#INVALID_KEY} if the key is not of an identity
     *         algorithm or the provider refuses it
     */
    public static boolean verify(PublicKey identity, byte[] signingInput, byte[] signature)
            throws ProtocolException {
        Objects.requireNonNull(signingInput, "signingInput");
        Objects.requireNonNull(signature, "signature");
        Signature verifier = signatureFor(identity);

        try {
            verifier.initVerify(identity);
        } catch (InvalidKeyException e) {
            throw refused(identity, e);
        }

        try {
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            // A signature that cannot even be parsed is simply not a valid one
            return false;
        }
    }

    /**
     * Decodes a public key from its X.509 SubjectPublicKeyInfo DER (RFC 5280 §4.1), the form of
     * every key on the wire. The algorithm is named by the OID of the AlgorithmIdentifier and must
     * be one of the six of the crypto modes: Ed25519 ({@code 1.3.101.112}), X25519
     * ({@code 1.3.101.110}), ML-DSA-65 ({@code 2.16.840.1.101.3.4.3.18}), ML-KEM-768
     * ({@code 2.16.840.1.101.3.4.4.2}), MLDSA65-Ed25519-SHA512 ({@code 1.3.6.1.5.5.7.6.48}) and
     * X-Wing ({@code 1.3.6.1.4.1.62253.25722}). NanoPQ then checks the key itself (length, curve
     * point, FIPS 203 modulus check).
     *
     * @return a NanoPQ public key whose {@code getAlgorithm()} is the algorithm's standard name
     * @throws ProtocolException with {@link Problem#INVALID_KEY} if the DER is malformed, the
     *         algorithm is not supported or the key fails its checks
     */
    public static PublicKey decodePublicKey(byte[] spki) throws ProtocolException {
        if (spki == null) {
            throw new ProtocolException(Problem.INVALID_KEY, "A public key is required");
        }
        String algorithm = Spki.algorithmOf(spki);

        try {
            return KeyFactory.getInstance(algorithm, NANO).generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException e) {
            throw new ProtocolException(Problem.INVALID_KEY, "Invalid " + algorithm + " public key: "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("NanoPQ has no KeyFactory for " + algorithm, e);
        }
    }

    private static Signature signatureFor(Key identity) throws ProtocolException {
        Objects.requireNonNull(identity, "identity");
        String algorithm = identity.getAlgorithm();
        if (CryptoMode.forSignatureAlgorithm(algorithm).isEmpty()) {
            throw new ProtocolException(Problem.INVALID_KEY, "A " + algorithm + " key is not an identity key: "
                    + "expected Ed25519, MLDSA65-Ed25519-SHA512 or ML-DSA-65");
        }

        try {
            return Signature.getInstance(algorithm, NANO);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("NanoPQ has no Signature for " + algorithm, e);
        }
    }

    private static ProtocolException refused(Key identity, Exception cause) {
        return new ProtocolException(Problem.INVALID_KEY, "NanoPQ refused the " + identity.getAlgorithm()
                + " key: " + cause.getMessage(), cause);
    }
}
