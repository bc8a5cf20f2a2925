// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Arrays;
import java.util.Optional;

import org.nanomessenger.crypto.provider.NanoAlgorithms;

/**
 * The three crypto modes: which signature and which KEM a user's keys use. A mode follows from the
 * identity key's algorithm; the server's policy names the weakest mode it accepts.
 *
 * <p>Modes are ranked by strength: classical 0, hybrid 1, quantum 2, and a mode meets a policy when
 * its rank is at least the policy's. Hybrid and quantum both resist a quantum computer. Quantum
 * ranks above hybrid not because it is stronger in every sense (hybrid also holds if the
 * post-quantum half breaks) but because a policy of {@code quantum} means post-quantum algorithms
 * only, which hybrid keys, half classical, do not meet. So:
 *
 * <table>
 *   <caption>Which modes each policy accepts</caption>
 *   <tr><th>policy</th><th>accepts</th></tr>
 *   <tr><td>{@code classical}</td><td>classical, hybrid, quantum</td></tr>
 *   <tr><td>{@code hybrid}</td><td>hybrid, quantum</td></tr>
 *   <tr><td>{@code quantum}</td><td>quantum</td></tr>
 * </table>
 */
public enum CryptoMode {

    /** Ed25519 (RFC 8032) and X25519 (RFC 7748): no protection against a quantum computer. */
    CLASSICAL("classical", 0, NanoAlgorithms.ED25519, NanoAlgorithms.X25519),
    /**
     * The ML-DSA-65 and Ed25519 composite (draft-ietf-lamps-pq-composite-sigs) and X-Wing
     * (ML-KEM-768 with X25519, draft-connolly-cfrg-xwing-kem): safe if either half holds.
     */
    HYBRID("hybrid", 1, NanoAlgorithms.MLDSA65_ED25519_SHA512, NanoAlgorithms.X_WING),
    /** ML-DSA-65 (FIPS 204) and ML-KEM-768 (FIPS 203) alone: post-quantum only. */
    QUANTUM("quantum", 2, NanoAlgorithms.ML_DSA_65, NanoAlgorithms.ML_KEM_768);

    private final String wireName;
    private final int rank;
    private final String signatureAlgorithm;
    private final String kemAlgorithm;

    CryptoMode(String wireName, int rank, String signatureAlgorithm, String kemAlgorithm) {
        this.wireName = wireName;
        this.rank = rank;
        this.signatureAlgorithm = signatureAlgorithm;
        this.kemAlgorithm = kemAlgorithm;
    }

    /** The name in JSON and in signing inputs: {@code classical}, {@code hybrid} or {@code quantum}. */
    public String wireName() {
        return wireName;
    }

    /** The JCA name of the identity (signature) algorithm. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The JCA name of the prekey (KEM) algorithm. */
    public String kemAlgorithm() {
        return kemAlgorithm;
    }

    /**
     * Whether this mode meets a policy that names {@code policy} as the weakest accepted: its
     * strength rank is at least the policy's (see the table on this type).
     */
    public boolean isAtLeast(CryptoMode policy) {
        return rank >= policy.rank;
    }

    /**
     * The mode with the given wire name. The match is exact: a wire name is lower case with no
     * blanks, as it appears in signing inputs.
     *
     * @throws IllegalArgumentException naming the accepted values, for an unknown or null name
     */
    public static CryptoMode fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown crypto mode '" + name + "': expected classical, hybrid or quantum"));
    }

    /** The mode whose identity keys use {@code algorithm} (a JCA name, any case), if any. */
    public static Optional<CryptoMode> forSignatureAlgorithm(String algorithm) {
        return Arrays.stream(values()).filter(m -> m.signatureAlgorithm.equalsIgnoreCase(algorithm)).findFirst();
    }

    /** The mode whose prekeys use {@code algorithm} (a JCA name, any case), if any. */
    public static Optional<CryptoMode> forKemAlgorithm(String algorithm) {
        return Arrays.stream(values()).filter(m -> m.kemAlgorithm.equalsIgnoreCase(algorithm)).findFirst();
    }
}
