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
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;

/**
 * ML-KEM (FIPS 203) on the JDK's own implementation in SunJCE, which measured faster than Bouncy
 * Castle's on JDK 25. NanoPQ keeps the raw encodings; the JDK key objects are built from them.
 */
public final class JdkMlKem {

    private static final String PROVIDER = "SunJCE";

    private JdkMlKem() {
    }

    /** Raw keys from a seed: ek (FIPS 203 ByteEncode) and the expanded dk. */
    public record RawKeyPair(byte[] encapsulationKey, byte[] decapsulationKey) {
    }

    /**
     * FIPS 203 Alg. 16 ML-KEM.KeyGen_internal(d, z), with {@code seed} = d || z. The JDK draws d and
     * then z from its SecureRandom; the ACVP keyGen vectors check that this stays so.
     */
    public static RawKeyPair generate(String algorithm, byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, provider());
            FixedRandom random = new FixedRandom(seed);
            generator.initialize(new NamedParameterSpec(algorithm), random);
            KeyPair pair = generator.generateKeyPair();
            if (!random.isExhausted()) {
                throw new ProviderException("JDK ML-KEM key generation did not consume the 64-byte seed");
            }
            byte[] ek = Der.decodeSubjectPublicKeyInfo(pair.getPublic().getEncoded()).key();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] inner = Der.decodePrivateKeyInfo(pkcs8).key();
            Bytes.zero(pkcs8);
            byte[] dk = new Der.Reader(inner).read(Der.OCTET_STRING);
            Bytes.zero(inner);
            return new RawKeyPair(ek, dk);
        } catch (GeneralSecurityException | Der.DerException e) {
            throw new ProviderException("JDK ML-KEM key generation failed", e);
        }
    }

    /** The JDK's public key object for a raw encapsulation key. */
    public static PublicKey publicKey(String oid, byte[] ek) {
        try {
            KeyFactory factory = KeyFactory.getInstance("ML-KEM", provider());
            return factory.generatePublic(new X509EncodedKeySpec(Der.encodeSubjectPublicKeyInfo(oid, ek)));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK rejected an ML-KEM public key that NanoPQ accepted", e);
        }
    }

    /** The JDK's private key object for an expanded decapsulation key (the expandedKey alternative). */
    public static PrivateKey privateKey(String oid, byte[] dk) {
        byte[] pkcs8 = Der.encodePrivateKeyInfo(oid, Der.tlv(Der.OCTET_STRING, dk));
        try {
            return KeyFactory.getInstance("ML-KEM", provider()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK rejected an ML-KEM private key that NanoPQ accepted", e);
        } finally {
            Bytes.zero(pkcs8);
        }
    }

    /** FIPS 203 Alg. 20 ML-KEM.Encaps: answers (K, c) as the JDK's {@link KEM.Encapsulated}. */
    public static KEM.Encapsulated encapsulate(PublicKey key, SecureRandom random) {
        try {
            return KEM.getInstance("ML-KEM", provider()).newEncapsulator(key, random).encapsulate();
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK ML-KEM encapsulation failed", e);
        }
    }

    /**
     * The JDK's decapsulator for a private key. It is immutable and safe to share between threads
     * (see {@link KEM}), so callers keep it with the key rather than make one per ciphertext.
     */
    public static KEM.Decapsulator decapsulator(PrivateKey key) {
        try {
            return KEM.getInstance("ML-KEM", provider()).newDecapsulator(key);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("JDK rejected an ML-KEM private key that NanoPQ accepted", e);
        }
    }

    /** FIPS 203 Alg. 21 ML-KEM.Decaps, with implicit rejection: a modified c yields a pseudo-random K. */
    public static byte[] decapsulate(KEM.Decapsulator decapsulator, byte[] ciphertext) throws DecapsulateException {
        return decapsulator.decapsulate(ciphertext).getEncoded();
    }

    private static Provider provider() {
        Provider provider = Security.getProvider(PROVIDER);
        if (provider == null) {
            throw new ProviderException("NanoPQ needs the JDK's " + PROVIDER
                    + " provider for ML-KEM; it is not installed");
        }
        return provider;
    }
}
