// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.FixedRandom;
import org.nanomessenger.crypto.provider.internal.Hkdf;
import org.nanomessenger.crypto.provider.internal.JdkMlDsa;
import org.nanomessenger.crypto.provider.internal.bc.Curve25519;
import org.nanomessenger.crypto.provider.internal.bc.MlDsaWithContext;
import org.nanomessenger.crypto.provider.internal.bc.SlhDsa;
import org.nanomessenger.crypto.provider.kem.NanoKemSpi;
import org.nanomessenger.crypto.provider.kem.XWingKemSpi;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.KeyType.Family;
import org.nanomessenger.crypto.provider.key.Keys;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;

/**
 * Known-answer self-tests, one per algorithm family, run before the family's first use. A family
 * whose test fails stays refused for the life of the class loader: every service of it throws a
 * {@link ProviderException} rather than risk a wrong answer. {@link #runAll()} runs every test
 * afresh, for a health check.
 */
public final class SelfTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Map<Family, String> RESULTS = new ConcurrentHashMap<>();
    private static final String PASSED = "";

    private SelfTest() {
    }

    /** The outcome of {@link #runAll()}: the failure message per family, empty when all passed. */
    public record Result(Map<Family, String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * Runs the family's self-test once per class loader and throws if it failed.
     *
     * @throws ProviderException if the family's known-answer test does not reproduce its answer
     */
    public static void requirePassed(Family family) {
        String failure = RESULTS.computeIfAbsent(family, SelfTest::run);
        if (!failure.isEmpty()) {
            throw new ProviderException("NanoPQ refuses " + family + ": its self-test failed (" + failure + ")");
        }
    }

    /** Records an outcome as if the family's test had produced it; tests use it to see a failure's effect. */
    static void recordForTesting(Family family, String failure) {
        if (failure == null) {
            RESULTS.remove(family);
        } else {
            RESULTS.put(family, failure);
        }
    }

    /** Runs every family's self-test now, whatever earlier runs found, and reports the failures. */
    public static Result runAll() {
        Map<Family, String> failures = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            String failure = run(family);
            if (!failure.isEmpty()) {
                failures.put(family, failure);
            }
        }
        return new Result(failures);
    }

    private static String run(Family family) {
        try {
            switch (family) {
                case ML_KEM, X_WING -> xWing();
                case X25519 -> {
                    x25519();
                    hkdf();
                }
                case ML_DSA -> mlDsa();
                case ED25519 -> ed25519();
                case COMPOSITE -> {
                    ed25519();
                    mlDsaWithContext();
                }
                case SLH_DSA -> slhDsaPairwise();
            }
            return PASSED;
        } catch (GeneralSecurityException | RuntimeException | AssertionError e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /**
     * X-Wing draft-10 test vector 1: ML-KEM-768 key generation, encapsulation and decapsulation,
     * X25519, SHAKE256 and SHA3-256 in one pass. Sizes of pk and ct make hashes stand in for them.
     */
    private static void xWing() throws GeneralSecurityException {
        byte[] seed = HEX.parseHex("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26");
        byte[] eseed = HEX.parseHex("3cb1eea988004b93103cfb0aeefd2a686e01fa4a58e8a3639ca8a1e3f9ae57e2"
                + "35b8cc873c23dc62b8d260169afa2f75ab916a58d974918835d25e6a435085b2");
        NanoPrivateKey key = Keys.privateKey(KeyType.X_WING, seed);
        expect("X-Wing pk", "2e816deebcd76c5c80d0cd2d174478871658e8e2ff42bc9d4a6e486372e856bb",
                Bytes.sha256(key.publicKey().raw()));

        NanoKemSpi.Encapsulation sent = XWingKemSpi.encapsulateDerand(key.publicKey(), eseed);
        expect("X-Wing ct", "17cd532d657e44c897ca6583e548a5424fc70bf54f99515a4d2bcf99e3469f33",
                Bytes.sha256(sent.encapsulation()));
        String ss = "d2df0522128f09dd8e2c92b1e905c793d8f57a54c3da25861f10bf4ca613e384";
        expect("X-Wing encapsulated ss", ss, sent.secret());
        expect("X-Wing decapsulated ss", ss, XWingKemSpi.decapsulateChecked(key, sent.encapsulation()));
        key.destroy();
    }

    /** RFC 7748 §5.2, the first X25519 test vector. */
    private static void x25519() {
        byte[] scalar = HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] u = HEX.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
        expect("X25519", "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
                Curve25519.x25519(scalar, u));
    }

    /** RFC 5869 Appendix A.1, HKDF-SHA256 test case 1. */
    private static void hkdf() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] prk = Hkdf.extract(HEX.parseHex("000102030405060708090a0b0c"), ikm);
        expect("HKDF-SHA256", "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                Hkdf.expand(prk, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42));
    }

    /** RFC 8032 §7.1 TEST 1: the empty message. */
    private static void ed25519() {
        byte[] secret = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] publicKey = Curve25519.ed25519PublicKey(secret);
        expect("Ed25519 pk", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", publicKey);
        byte[] signature = Curve25519.ed25519Sign(secret, publicKey, new byte[0], 0, 0);
        expect("Ed25519 signature", "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33"
                + "bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b", signature);
        check("Ed25519 verify", Curve25519.ed25519Verify(signature, 0, Curve25519.ed25519Point(publicKey),
                new byte[0], 0, 0));
    }

    /** Wycheproof mldsa_65_sign_seed_test tcId 1: key from seed, deterministic signature, verification. */
    private static void mlDsa() throws GeneralSecurityException {
        NanoPrivateKey key = Keys.privateKey(KeyType.ML_DSA_65, mlDsaSeed());
        expect("ML-DSA-65 pk", "b7acce2ddb11f8cc1aa46e2bafac6eacfa2b732ef192bd636ad8d3a56d649c66",
                Bytes.sha256(key.publicKey().raw()));

        Signature engine = JdkMlDsa.newSignature(KeyType.ML_DSA_65.algorithm());
        byte[] message = "Hello world".getBytes(StandardCharsets.US_ASCII);
        byte[] secret = key.secret();
        byte[] signature = JdkMlDsa.sign(engine, JdkMlDsa.privateKey(KeyType.ML_DSA_65.oid(), secret), message,
                new FixedRandom(new byte[32]));
        Bytes.zero(secret);
        expect("ML-DSA-65 signature", "39fbbb0d97a52c79844213b325af823a7f16a174e00a5b3daeb3e6e6d1c89681",
                Bytes.sha256(signature));
        check("ML-DSA-65 verify", JdkMlDsa.verify(engine, JdkMlDsa.publicKey(KeyType.ML_DSA_65.oid(),
                key.publicKey().raw()), message, signature));
        key.destroy();
    }

    /** Wycheproof mldsa_65_sign_seed_test tcId 3: the same key, context "Context", deterministic. */
    private static void mlDsaWithContext() throws GeneralSecurityException {
        MlDsaWithContext.PrivateHandle key = MlDsaWithContext.fromSeed(mlDsaSeed());
        byte[] context = "Context".getBytes(StandardCharsets.US_ASCII);
        byte[] message = "Hello world".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = MlDsaWithContext.sign(key, context, message, new FixedRandom(new byte[32]));
        expect("ML-DSA-65 signature with context", "c32dd9c1fdb53c049ebb75d98604d27593e32f5da2b1201c9289692de6ebea2e",
                Bytes.sha256(signature));
        check("ML-DSA-65 verify with context", MlDsaWithContext.verify(
                MlDsaWithContext.fromPublicKey(key.publicKey()), context, message, signature));
        key.destroy();
    }

    private static byte[] mlDsaSeed() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 0x2a);
        return seed;
    }

    /**
     * SLH-DSA: a pairwise consistency test (FIPS 140-3 IG 10.3.A) with SHA2-128f, the fast
     * parameter set; no published SHA2 vector is small enough to carry here.
     */
    private static void slhDsaPairwise() {
        SlhDsa.ParameterSet set = SlhDsa.ParameterSet.SHA2_128F;
        SlhDsa.RawKeyPair pair = SlhDsa.generate(set, new SecureRandom());
        byte[] message = "NanoPQ SLH-DSA self-test".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = SlhDsa.sign(set, pair.privateKey(), message, null);
        Bytes.zero(pair.privateKey());
        check("SLH-DSA verify", SlhDsa.verify(set, pair.publicKey(), message, signature));
        signature[signature.length - 1] ^= 1;
        check("SLH-DSA rejects a modified signature", !SlhDsa.verify(set, pair.publicKey(), message, signature));
    }

    private static void expect(String what, String expectedHex, byte[] actual) {
        if (actual == null || !Bytes.constantTimeEquals(HEX.parseHex(expectedHex), actual)) {
            throw new AssertionError(what + " does not match its known answer");
        }
    }

    private static void check(String what, boolean condition) {
        if (!condition) {
            throw new AssertionError(what + " failed");
        }
    }
}
