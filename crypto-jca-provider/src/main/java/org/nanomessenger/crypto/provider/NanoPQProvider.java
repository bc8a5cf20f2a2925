// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import java.io.Serial;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nanomessenger.crypto.provider.kem.MlKemSpi;
import org.nanomessenger.crypto.provider.kem.X25519KemSpi;
import org.nanomessenger.crypto.provider.kem.XWingKemSpi;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.NanoKeyFactorySpi;
import org.nanomessenger.crypto.provider.key.NanoKeyPairGeneratorSpi;
import org.nanomessenger.crypto.provider.signature.CompositeSignatureSpi;
import org.nanomessenger.crypto.provider.signature.Ed25519SignatureSpi;
import org.nanomessenger.crypto.provider.signature.MlDsaSignatureSpi;
import org.nanomessenger.crypto.provider.signature.SlhDsaSignatureSpi;

/**
 * NanoPQ: post-quantum and hybrid KEMs and signatures for any Java program, under the standard
 * names the JDK and Bouncy Castle use. Use it without installing it,
 * {@code KEM.getInstance("X-Wing", new NanoPQProvider())}, or add it with
 * {@code Security.addProvider}. This class is only the table of services.
 */
public final class NanoPQProvider extends Provider {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String VERSION = "0.1";
    private static final String KEY_CLASSES = "org.nanomessenger.crypto.provider.key.NanoPublicKey"
            + "|org.nanomessenger.crypto.provider.key.NanoPrivateKey";

    public NanoPQProvider() {
        super(NanoAlgorithms.PROVIDER, VERSION, "NanoPQ: ML-KEM, ML-DSA, SLH-DSA, X25519, Ed25519, X-Wing, "
                + "MLDSA65-Ed25519-SHA512 (on the JDK and Bouncy Castle)");

        // type, standard name, SPI class, parameter set whose OIDs become aliases (or null)
        kem("ML-KEM", MlKemSpi.Any.class, null);
        kem(NanoAlgorithms.ML_KEM_512, MlKemSpi.MlKem512.class, KeyType.ML_KEM_512);
        kem(NanoAlgorithms.ML_KEM_768, MlKemSpi.MlKem768.class, KeyType.ML_KEM_768);
        kem(NanoAlgorithms.ML_KEM_1024, MlKemSpi.MlKem1024.class, KeyType.ML_KEM_1024);
        kem(NanoAlgorithms.X25519, X25519KemSpi.class, null);
        kem(NanoAlgorithms.X_WING, XWingKemSpi.class, KeyType.X_WING);

        signature("ML-DSA", MlDsaSignatureSpi.Any.class, null);
        signature(NanoAlgorithms.ML_DSA_44, MlDsaSignatureSpi.MlDsa44.class, KeyType.ML_DSA_44);
        signature(NanoAlgorithms.ML_DSA_65, MlDsaSignatureSpi.MlDsa65.class, KeyType.ML_DSA_65);
        signature(NanoAlgorithms.ML_DSA_87, MlDsaSignatureSpi.MlDsa87.class, KeyType.ML_DSA_87);
        signature(NanoAlgorithms.ED25519, Ed25519SignatureSpi.class, KeyType.ED25519);
        signature(NanoAlgorithms.MLDSA65_ED25519_SHA512, CompositeSignatureSpi.class, KeyType.MLDSA65_ED25519_SHA512);
        signature(NanoAlgorithms.SLH_DSA_SHA2_128S, SlhDsaSignatureSpi.Sha2128s.class, KeyType.SLH_DSA_SHA2_128S);
        signature(NanoAlgorithms.SLH_DSA_SHA2_128F, SlhDsaSignatureSpi.Sha2128f.class, KeyType.SLH_DSA_SHA2_128F);
        signature(NanoAlgorithms.SLH_DSA_SHAKE_128F, SlhDsaSignatureSpi.Shake128f.class, KeyType.SLH_DSA_SHAKE_128F);

        keys("ML-KEM", NanoKeyPairGeneratorSpi.MlKem.class, NanoKeyFactorySpi.MlKem.class, null);
        keys(NanoAlgorithms.ML_KEM_512, NanoKeyPairGeneratorSpi.MlKem512.class, NanoKeyFactorySpi.MlKem512.class,
                KeyType.ML_KEM_512);
        keys(NanoAlgorithms.ML_KEM_768, NanoKeyPairGeneratorSpi.MlKem768.class, NanoKeyFactorySpi.MlKem768.class,
                KeyType.ML_KEM_768);
        keys(NanoAlgorithms.ML_KEM_1024, NanoKeyPairGeneratorSpi.MlKem1024.class, NanoKeyFactorySpi.MlKem1024.class,
                KeyType.ML_KEM_1024);
        keys(NanoAlgorithms.X25519, NanoKeyPairGeneratorSpi.X25519.class, NanoKeyFactorySpi.X25519.class,
                KeyType.X25519);
        keys(NanoAlgorithms.X_WING, NanoKeyPairGeneratorSpi.XWing.class, NanoKeyFactorySpi.XWing.class,
                KeyType.X_WING);
        keys("ML-DSA", NanoKeyPairGeneratorSpi.MlDsa.class, NanoKeyFactorySpi.MlDsa.class, null);
        keys(NanoAlgorithms.ML_DSA_44, NanoKeyPairGeneratorSpi.MlDsa44.class, NanoKeyFactorySpi.MlDsa44.class,
                KeyType.ML_DSA_44);
        keys(NanoAlgorithms.ML_DSA_65, NanoKeyPairGeneratorSpi.MlDsa65.class, NanoKeyFactorySpi.MlDsa65.class,
                KeyType.ML_DSA_65);
        keys(NanoAlgorithms.ML_DSA_87, NanoKeyPairGeneratorSpi.MlDsa87.class, NanoKeyFactorySpi.MlDsa87.class,
                KeyType.ML_DSA_87);
        keys(NanoAlgorithms.ED25519, NanoKeyPairGeneratorSpi.Ed25519.class, NanoKeyFactorySpi.Ed25519.class,
                KeyType.ED25519);
        keys(NanoAlgorithms.MLDSA65_ED25519_SHA512, NanoKeyPairGeneratorSpi.MlDsa65Ed25519.class,
                NanoKeyFactorySpi.MlDsa65Ed25519.class, KeyType.MLDSA65_ED25519_SHA512);
        keys(NanoAlgorithms.SLH_DSA_SHA2_128S, NanoKeyPairGeneratorSpi.SlhDsaSha2128s.class,
                NanoKeyFactorySpi.SlhDsaSha2128s.class, KeyType.SLH_DSA_SHA2_128S);
        keys(NanoAlgorithms.SLH_DSA_SHA2_128F, NanoKeyPairGeneratorSpi.SlhDsaSha2128f.class,
                NanoKeyFactorySpi.SlhDsaSha2128f.class, KeyType.SLH_DSA_SHA2_128F);
        keys(NanoAlgorithms.SLH_DSA_SHAKE_128F, NanoKeyPairGeneratorSpi.SlhDsaShake128f.class,
                NanoKeyFactorySpi.SlhDsaShake128f.class, KeyType.SLH_DSA_SHAKE_128F);
    }

    /**
     * Runs every known-answer self-test now and reports the outcome, for health checks. Services
     * also run their family's test on first use by themselves.
     */
    public static SelfTest.Result selfTest() {
        return SelfTest.runAll();
    }

    private void kem(String name, Class<?> spi, KeyType oidSource) {
        service("KEM", name, spi, oidSource);
    }

    private void signature(String name, Class<?> spi, KeyType oidSource) {
        service("Signature", name, spi, oidSource);
    }

    private void keys(String name, Class<?> generator, Class<?> factory, KeyType oidSource) {
        service("KeyPairGenerator", name, generator, oidSource);
        service("KeyFactory", name, factory, oidSource);
    }

    private void service(String type, String name, Class<?> spi, KeyType oidSource) {
        List<String> aliases = new ArrayList<>();
        if (oidSource != null) {
            aliases.add(oidSource.oid());
            aliases.add("OID." + oidSource.oid());
        }
        putService(new Service(this, type, name, spi.getName(), aliases,
                Map.of("SupportedKeyClasses", KEY_CLASSES, "ImplementedIn", "Software")));
    }
}
