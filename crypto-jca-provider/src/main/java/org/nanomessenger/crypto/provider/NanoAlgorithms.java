// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

/**
 * The standard names of every algorithm NanoPQ offers, in one place. They are the strings the JDK
 * and Bouncy Castle use, so a caller can swap providers without changing a name.
 */
public final class NanoAlgorithms {

    /** The provider name, for {@code getInstance(algorithm, PROVIDER)}. */
    public static final String PROVIDER = "NanoPQ";

    /** ML-KEM (FIPS 203), parameter set 512. */
    public static final String ML_KEM_512 = "ML-KEM-512";
    /** ML-KEM (FIPS 203), parameter set 768. */
    public static final String ML_KEM_768 = "ML-KEM-768";
    /** ML-KEM (FIPS 203), parameter set 1024. */
    public static final String ML_KEM_1024 = "ML-KEM-1024";
    /** DHKEM(X25519, HKDF-SHA256) from RFC 9180 as a KEM; also the X25519 key type (RFC 7748). */
    public static final String X25519 = "X25519";
    /** X-Wing, the hybrid of X25519 and ML-KEM-768 (draft-connolly-cfrg-xwing-kem-10). */
    public static final String X_WING = "X-Wing";

    /** ML-DSA (FIPS 204), parameter set 44. */
    public static final String ML_DSA_44 = "ML-DSA-44";
    /** ML-DSA (FIPS 204), parameter set 65. */
    public static final String ML_DSA_65 = "ML-DSA-65";
    /** ML-DSA (FIPS 204), parameter set 87. */
    public static final String ML_DSA_87 = "ML-DSA-87";
    /** Ed25519 (RFC 8032), pure. */
    public static final String ED25519 = "Ed25519";
    /** The ML-DSA-65 and Ed25519 composite of draft-ietf-lamps-pq-composite-sigs. */
    public static final String MLDSA65_ED25519_SHA512 = "MLDSA65-Ed25519-SHA512";
    /** SLH-DSA (FIPS 205), SHA2-128s: small signatures, slow signing. */
    public static final String SLH_DSA_SHA2_128S = "SLH-DSA-SHA2-128s";
    /** SLH-DSA (FIPS 205), SHA2-128f: fast signing, larger signatures. */
    public static final String SLH_DSA_SHA2_128F = "SLH-DSA-SHA2-128f";
    /** SLH-DSA (FIPS 205), SHAKE-128f. */
    public static final String SLH_DSA_SHAKE_128F = "SLH-DSA-SHAKE-128f";

    private NanoAlgorithms() {
    }
}
