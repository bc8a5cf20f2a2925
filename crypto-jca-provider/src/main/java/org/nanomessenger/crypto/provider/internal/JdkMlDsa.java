// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * ML-DSA (FIPS 204) on the JDK's own implementation in the SUN provider, pure mode with the empty
 * context, which is all the JDK offers and all the ML-DSA services of NanoPQ need.
 */
public final class JdkMlDsa {

    private static final String PROVIDER = "SUN";

    private JdkMlDsa() {
    }

    /** Raw keys from a seed: pk (FIPS 204 pkEncode) and the expanded sk (skEncode). */
    public record RawKeyPair(byte[] publicKey, byte[] privateKey) {
    }

    /** FIPS 204 Alg. 6 ML-DSA.KeyGen_internal(xi): the JDK draws xi, 32 bytes, from its SecureRandom. */
    public static RawKeyPair generate(String algorithm, byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, provider());
            FixedRandom random = new FixedRandom(seed);
            generator.initialize(new NamedParameterSpec(algorithm), random);
            KeyPair pair = generator.generateKeyPair();
            if (!random.isExhausted()) {
                throw new ProviderException("JDK ML-DSA key generation did not consume the 32-byte seed");
            }
            byte[] pk = Der.decodeSubjectPublicKeyInfo(pair.getPublic().getEncoded()).key();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] inner = Der.decodePrivateKeyInfo(pkcs8).key();
            Bytes.zero(pkcs8);
            byte[] sk = new Der.Reader(inner).read(Der.OCTET_STRING);
            Bytes.zero(inner);
            return new RawKeyPair(pk, sk);
        } catch (GeneralSecurityException | Der.DerException e) {
            throw new ProviderException("JDK ML-DSA key generation failed", e);
        }
    }

    /** The JDK's public key object for a raw public key. */
    public static PublicKey publicKey(String oid, byte[] pk) {
        try {
            KeyFactory factory = KeyFactory.getInstance("ML-DSA", provider());
            return factory.generatePublic(new X509EncodedKeySpec(Der.encodeSubjectPublicKeyInfo(oid, pk)));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK rejected an ML-DSA public key that NanoPQ accepted", e);
        }
    }

    /** The JDK's private key object for an expanded private key. */
    public static PrivateKey privateKey(String oid, byte[] sk) {
        byte[] pkcs8 = Der.encodePrivateKeyInfo(oid, Der.tlv(Der.OCTET_STRING, sk));
        try {
            return KeyFactory.getInstance("ML-DSA", provider()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK rejected an ML-DSA private key that NanoPQ accepted", e);
        } finally {
            Bytes.zero(pkcs8);
        }
    }

    /** A JDK ML-DSA signature engine for one parameter set, for the caller to reuse. */
    public static Signature newSignature(String algorithm) {
        try {
            return Signature.getInstance(algorithm, provider());
        } catch (GeneralSecurityException e) {
            throw new ProviderException("The JDK has no " + algorithm, e);
        }
    }

    /** FIPS 204 Alg. 2 ML-DSA.Sign with ctx empty; hedged, rnd drawn from {@code random}. */
    public static byte[] sign(Signature signature, PrivateKey key, byte[] message, SecureRandom random)
            throws SignatureException {
        try {
            signature.initSign(key, random);
            signature.update(message);
            return signature.sign();
        } catch (SignatureException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK ML-DSA signing failed", e);
        }
    }

    /** FIPS 204 Alg. 3 ML-DSA.Verify with ctx empty. */
    public static boolean verify(Signature signature, PublicKey key, byte[] message, byte[] signatureBytes)
            throws SignatureException {
        try {
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK ML-DSA verification failed", e);
        }
    }

    private static Provider provider() {
        Provider provider = Security.getProvider(PROVIDER);
        if (provider == null) {
            throw new ProviderException("NanoPQ needs the JDK's " + PROVIDER
                    + " provider for ML-DSA; it is not installed");
        }
        return provider;
    }
}
