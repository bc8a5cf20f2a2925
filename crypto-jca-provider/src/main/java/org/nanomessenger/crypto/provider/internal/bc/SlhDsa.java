// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal.bc;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.generators.SLHDSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.SLHDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.SLHDSAParameters;
import org.bouncycastle.crypto.params.SLHDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.SLHDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.SLHDSASigner;

/** SLH-DSA (FIPS 205) on Bouncy Castle: the JDK has no SLH-DSA. */
public final class SlhDsa {

    /** The parameter sets NanoPQ offers (FIPS 205 §11 Table 2). */
    public enum ParameterSet {
        SHA2_128S(SLHDSAParameters.sha2_128s, 7856),
        SHA2_128F(SLHDSAParameters.sha2_128f, 17088),
        SHAKE_128F(SLHDSAParameters.shake_128f, 17088);

        private final SLHDSAParameters params;
        private final int signatureLength;

        ParameterSet(SLHDSAParameters params, int signatureLength) {
            this.params = params;
            this.signatureLength = signatureLength;
        }

        public int signatureLength() {
            return signatureLength;
        }
    }

    /** A raw key pair: pk = PK.seed || PK.root, sk = SK.seed || SK.prf || PK.seed || PK.root. */
    public record RawKeyPair(byte[] publicKey, byte[] privateKey) {
    }

    private SlhDsa() {
    }

    /** FIPS 205 Alg. 21 slh_keygen. */
    public static RawKeyPair generate(ParameterSet set, SecureRandom random) {
        SLHDSAKeyPairGenerator generator = new SLHDSAKeyPairGenerator();
        generator.init(new SLHDSAKeyGenerationParameters(random, set.params));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] publicKey = ((SLHDSAPublicKeyParameters) pair.getPublic()).getEncoded();
        byte[] privateKey = ((SLHDSAPrivateKeyParameters) pair.getPrivate()).getEncoded();
        return new RawKeyPair(publicKey, privateKey);
    }

    /** The public key inside a raw private key (its last 2n bytes, FIPS 205 §9.1). */
    public static byte[] publicKeyOf(ParameterSet set, byte[] privateKey) {
        return new SLHDSAPrivateKeyParameters(set.params, privateKey).getEncodedPublicKey();
    }

    /**
     * FIPS 205 Alg. 22 slh_sign with the empty context. With {@code random} null it is the
     * deterministic variant (opt_rand = PK.seed), otherwise hedged.
     */
    public static byte[] sign(ParameterSet set, byte[] privateKey, byte[] message, SecureRandom random) {
        CipherParameters key = new SLHDSAPrivateKeyParameters(set.params, privateKey);
        SLHDSASigner signer = new SLHDSASigner();
        signer.init(true, random == null ? key : new ParametersWithRandom(key, random));
        return signer.generateSignature(message);
    }

    /** FIPS 205 Alg. 24 slh_verify with the empty context. */
    public static boolean verify(ParameterSet set, byte[] publicKey, byte[] message, byte[] signature) {
        SLHDSASigner verifier = new SLHDSASigner();
        verifier.init(false, new SLHDSAPublicKeyParameters(set.params, publicKey));
        return verifier.verifySignature(message, signature);
    }

    /** FIPS 205 Alg. 20 slh_verify_internal: the message is M' as given, for ACVP vectors. */
    public static boolean verifyInternal(ParameterSet set, byte[] publicKey, byte[] message, byte[] signature) {
        InternalVerifier verifier = new InternalVerifier();
        verifier.init(false, new SLHDSAPublicKeyParameters(set.params, publicKey));
        return verifier.verifyInternal(message, signature);
    }

    private static final class InternalVerifier extends SLHDSASigner {
        boolean verifyInternal(byte[] message, byte[] signature) {
            return internalVerifySignature(message, signature);
        }
    }
}
