// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.key;

import java.util.Arrays;
import java.util.Optional;

import org.nanomessenger.crypto.provider.NanoAlgorithms;

/**
 * Every key type NanoPQ knows: its standard name, the OID of its X.509 and PKCS#8 encodings and the
 * sizes of its raw encodings. {@code privateLength} is the canonical private key NanoPQ keeps (the
 * FIPS 203/204 expanded key for ML-KEM and ML-DSA); {@code seedLength} is the seed form, or 0.
 */
public enum KeyType {

    // FIPS 203 §8 Table 3; OIDs from NIST CSOR (2.16.840.1.101.3.4.4.x)
    ML_KEM_512(NanoAlgorithms.ML_KEM_512, Family.ML_KEM, "2.16.840.1.101.3.4.4.1", 800, 1632, 64),
    ML_KEM_768(NanoAlgorithms.ML_KEM_768, Family.ML_KEM, "2.16.840.1.101.3.4.4.2", 1184, 2400, 64),
    ML_KEM_1024(NanoAlgorithms.ML_KEM_1024, Family.ML_KEM, "2.16.840.1.101.3.4.4.3", 1568, 3168, 64),
    // RFC 7748 and RFC 8410
    X25519(NanoAlgorithms.X25519, Family.X25519, "1.3.101.110", 32, 32, 0),
    // draft-connolly-cfrg-xwing-kem-10 §5 (private key: the 32-byte seed)
    X_WING(NanoAlgorithms.X_WING, Family.X_WING, "1.3.6.1.4.1.62253.25722", 1216, 32, 0),

    // FIPS 204 §4 Table 2; OIDs 2.16.840.1.101.3.4.3.17-19
    ML_DSA_44(NanoAlgorithms.ML_DSA_44, Family.ML_DSA, "2.16.840.1.101.3.4.3.17", 1312, 2560, 32),
    ML_DSA_65(NanoAlgorithms.ML_DSA_65, Family.ML_DSA, "2.16.840.1.101.3.4.3.18", 1952, 4032, 32),
    ML_DSA_87(NanoAlgorithms.ML_DSA_87, Family.ML_DSA, "2.16.840.1.101.3.4.3.19", 2592, 4896, 32),
    // RFC 8032 and RFC 8410
    ED25519(NanoAlgorithms.ED25519, Family.ED25519, "1.3.101.112", 32, 32, 0),
    // draft-ietf-lamps-pq-composite-sigs: pk = ML-DSA-65 pk || Ed25519 pk, sk = ML-DSA seed || Ed25519 sk
    MLDSA65_ED25519_SHA512(NanoAlgorithms.MLDSA65_ED25519_SHA512, Family.COMPOSITE, "1.3.6.1.5.5.7.6.48",
            1952 + 32, 32 + 32, 0),
    // FIPS 205 §11 Table 2 (n = 16: pk 2n, sk 4n); OIDs from RFC 9909
    SLH_DSA_SHA2_128S(NanoAlgorithms.SLH_DSA_SHA2_128S, Family.SLH_DSA, "2.16.840.1.101.3.4.3.20", 32, 64, 0),
    SLH_DSA_SHA2_128F(NanoAlgorithms.SLH_DSA_SHA2_128F, Family.SLH_DSA, "2.16.840.1.101.3.4.3.21", 32, 64, 0),
    SLH_DSA_SHAKE_128F(NanoAlgorithms.SLH_DSA_SHAKE_128F, Family.SLH_DSA, "2.16.840.1.101.3.4.3.27", 32, 64, 0);

    /** Algorithm families: each has one SPI family per service type. */
    public enum Family {
        ML_KEM, X25519, X_WING, ML_DSA, ED25519, COMPOSITE, SLH_DSA
    }

    private final String algorithm;
    private final Family family;
    private final String oid;
    private final int publicLength;
    private final int privateLength;
    private final int seedLength;

    KeyType(String algorithm, Family family, String oid, int publicLength, int privateLength, int seedLength) {
        this.algorithm = algorithm;
        this.family = family;
        this.oid = oid;
        this.publicLength = publicLength;
        this.privateLength = privateLength;
        this.seedLength = seedLength;
    }

    /** The standard algorithm name, as {@code Key.getAlgorithm()} answers it. */
    public String algorithm() {
        return algorithm;
    }

    public Family family() {
        return family;
    }

    /** The dotted OID of the SubjectPublicKeyInfo and PKCS#8 AlgorithmIdentifier. */
    public String oid() {
        return oid;
    }

    public int publicLength() {
        return publicLength;
    }

    public int privateLength() {
        return privateLength;
    }

    /** The length of the seed form of the private key, or 0 where the type has no separate seed. */
    public int seedLength() {
        return seedLength;
    }

    /** Finds the type with the given standard name (case-insensitive). */
    public static Optional<KeyType> forAlgorithm(String algorithm) {
        return Arrays.stream(values()).filter(t -> t.algorithm.equalsIgnoreCase(algorithm)).findFirst();
    }

    /** Finds the type with the given dotted OID. */
    public static Optional<KeyType> forOid(String oid) {
        return Arrays.stream(values()).filter(t -> t.oid.equals(oid)).findFirst();
    }
}
