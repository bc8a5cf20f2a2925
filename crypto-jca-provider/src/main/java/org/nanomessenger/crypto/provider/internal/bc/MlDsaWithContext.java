// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal.bc;

import java.security.SecureRandom;
import java.security.SignatureException;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithContext;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * ML-DSA-65 with a context string (FIPS 204 Alg. 2 and 3), which the composite signature needs
 * and the JDK's ML-DSA does not offer (it signs with the empty context only). Signing runs on
 * Bouncy Castle; verification on NanoPQ's {@link MlDsa65Verifier}.
 */
public final class MlDsaWithContext {

    private MlDsaWithContext() {
    }

    /** An ML-DSA-65 private key expanded from its 32-byte seed. */
    public static final class PrivateHandle {
        private final MLDSAPrivateKeyParameters params;

        private PrivateHandle(MLDSAPrivateKeyParameters params) {
            this.params = params;
        }

        /** The encoded public key (FIPS 204 pkEncode). */
        public byte[] publicKey() {
            return params.getPublicKey();
        }

        /** Zeroes the expanded secret. */
        public void destroy() {
            params.destroy();
        }
    }

    /** An ML-DSA-65 public key decoded and expanded once for repeated verification. */
    public static final class PublicHandle {
        private final MlDsa65Verifier.ExpandedKey expanded;

        private PublicHandle(MlDsa65Verifier.ExpandedKey expanded) {
            this.expanded = expanded;
        }
    }

    /** FIPS 204 Alg. 6 ML-DSA.KeyGen_internal(xi) for ML-DSA-65. */
    public static PrivateHandle fromSeed(byte[] seed) {
        return new PrivateHandle(new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_65, seed));
    }

    /** Decodes an ML-DSA-65 public key of the right length. */
    public static PublicHandle fromPublicKey(byte[] publicKey) {
        return new PublicHandle(MlDsa65Verifier.expand(publicKey));
    }

    /** FIPS 204 Alg. 2 ML-DSA.Sign(sk, M, ctx), hedged with {@code random}. */
    public static byte[] sign(PrivateHandle key, byte[] context, byte[] message, SecureRandom random)
            throws SignatureException {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, new ParametersWithContext(new ParametersWithRandom(key.params, random), context));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new SignatureException("ML-DSA-65 signing failed", e);
        }
    }

    /**
     * FIPS 204 Alg. 3 ML-DSA.Verify(pk, M, sigma, ctx). NanoPQ's own verifier rather than Bouncy
     * Castle's: it keeps the expanded key between calls (see {@link MlDsa65Verifier}).
     */
    public static boolean verify(PublicHandle key, byte[] context, byte[] message, byte[] signature) {
        return MlDsa65Verifier.verify(key.expanded, context, message, signature);
    }
}
