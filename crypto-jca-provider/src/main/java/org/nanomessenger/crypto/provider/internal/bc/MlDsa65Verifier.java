// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal.bc;

import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * ML-DSA-65 verification with a context string (FIPS 204 Alg. 3 and Alg. 8), for a public key
 * expanded once and then used for many signatures.
 *
 * <p>Verification spends most of its time expanding the matrix A from rho and transforming t1; both
 * depend on the public key alone. {@link #expand} does that work once, so that a server checking
 * many envelopes from one sender pays it once. The arithmetic follows FIPS 204 §7.5 and
 * Appendix B: coefficients are kept as {@code int}, products are reduced by Montgomery reduction
 * (R = 2^32), and sums are brought back near zero before they could overflow.
 *
 * <p>Everything here handles public data (the key, the message, the signature), so the code is
 * not written to run in constant time.
 */
public final class MlDsa65Verifier {

    /** FIPS 204 §4 Table 1, ML-DSA-65. */
    static final int Q = 8_380_417;
    private static final int D = 13;
    private static final int TAU = 49;
    private static final int LAMBDA_BYTES = 192 / 4;
    private static final int GAMMA1 = 1 << 19;
    private static final int GAMMA2 = (Q - 1) / 32;
    private static final int K = 6;
    private static final int L = 5;
    private static final int BETA = TAU * 4;
    private static final int OMEGA = 55;
    private static final int N = 256;

    /** Sizes of the encodings (FIPS 204 Table 2). */
    public static final int PUBLIC_KEY_LENGTH = 32 + 32 * K * 10;
    public static final int SIGNATURE_LENGTH = LAMBDA_BYTES + L * 32 * 20 + OMEGA + K;

    private static final int Z_POLY_BYTES = 32 * 20;
    private static final int T1_POLY_BYTES = 32 * 10;
    private static final int W1_POLY_BYTES = 32 * 4;

    /** q^-1 mod 2^32, for Montgomery reduction. */
    private static final int Q_INVERSE = inverseModTwoTo32(Q);
    /** zeta^BitRev8(m) * 2^32 mod q for m in 0..255, zeta = 1753 (FIPS 204 Appendix B). */
    private static final int[] ZETAS = montgomeryZetas();
    /** 256^-1 * 2^64 mod q: undoes the Montgomery factor left by pointwise products and scales by 1/256. */
    private static final int INVERSE_SCALE = (int) mulMod(mulMod(8_347_681, twoTo32ModQ()), twoTo32ModQ());

    private MlDsa65Verifier() {
    }

    /** A public key decoded and expanded for verification: tr, A-hat and NTT(t1 * 2^d). */
    public static final class ExpandedKey {
        private final byte[] tr;
        private final int[][][] matrix;
        private final int[][] t1Hat;

        private ExpandedKey(byte[] tr, int[][][] matrix, int[][] t1Hat) {
            this.tr = tr;
            this.matrix = matrix;
            this.t1Hat = t1Hat;
        }
    }

    /**
     * Decodes and expands an ML-DSA-65 public key (FIPS 204 Alg. 8 steps 1, 4 and 5).
     *
     * @throws IllegalArgumentException if the key is not {@link #PUBLIC_KEY_LENGTH} bytes
     */
    public static ExpandedKey expand(byte[] publicKey) {
        if (publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("ML-DSA-65 public key must be " + PUBLIC_KEY_LENGTH + " bytes");
        }
        byte[] rho = Arrays.copyOfRange(publicKey, 0, 32);

        // Alg. 23 pkDecode: t1 is k polynomials of 10-bit coefficients; Alg. 8 step 8 needs NTT(t1 * 2^d)
        int[][] t1Hat = new int[K][];
        for (int i = 0; i < K; i++) {
            int[] t1 = unpack(publicKey, 32 + i * T1_POLY_BYTES, 10);
            for (int j = 0; j < N; j++) {
                t1[j] <<= D;
            }
            ntt(t1);
            for (int j = 0; j < N; j++) {
                t1[j] = Math.floorMod(t1[j], Q);
            }
            t1Hat[i] = t1;
        }

        return new ExpandedKey(shake256(64, publicKey), expandA(rho), t1Hat);
    }

    /**
     * FIPS 204 Alg. 3 ML-DSA.Verify(pk, M, sigma, ctx), with Alg. 8 Verify_internal.
     *
     * @return whether the signature is valid; a signature of the wrong length or with a malformed
     *         hint is invalid
     * @throws IllegalArgumentException if the context is longer than 255 bytes
     */
    public static boolean verify(ExpandedKey key, byte[] context, byte[] message, byte[] signature) {
        if (context.length > 255) {
            throw new IllegalArgumentException("ML-DSA context must be at most 255 bytes");
        }
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }

        // Alg. 27 sigDecode: c-tilde, z (with the norm check of step 11 done early), then the hint
        byte[] commitmentHash = Arrays.copyOfRange(signature, 0, LAMBDA_BYTES);
        int[][] z = new int[L][];
        for (int i = 0; i < L; i++) {
            z[i] = unpack(signature, LAMBDA_BYTES + i * Z_POLY_BYTES, 20);
            for (int j = 0; j < N; j++) {
                z[i][j] = GAMMA1 - z[i][j];
                if (Math.abs(z[i][j]) >= GAMMA1 - BETA) {
                    return false;
                }
            }
        }
        boolean[][] hint = hintBitUnpack(signature, LAMBDA_BYTES + L * Z_POLY_BYTES);
        if (hint == null) {
            return false;
        }

        // Alg. 3 step 5 and Alg. 8 step 6: mu = H(tr || 0 || |ctx| || ctx || M, 64)
        SHAKEDigest h = new SHAKEDigest(256);
        h.update(key.tr, 0, key.tr.length);
        h.update((byte) 0);
        h.update((byte) context.length);
        h.update(context, 0, context.length);
        h.update(message, 0, message.length);
        byte[] mu = new byte[64];
        h.doFinal(mu, 0, mu.length);

        // Step 7: c = SampleInBall(c-tilde); step 8: w'approx = NTT^-1(A-hat * NTT(z) - NTT(c) * NTT(t1 * 2^d))
        int[] cHat = sampleInBall(commitmentHash);
        ntt(cHat);
        for (int[] polynomial : z) {
            ntt(polynomial);
        }
        byte[] w1Encoded = new byte[K * W1_POLY_BYTES];
        int[] w = new int[N];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < N; j++) {
                long sum = -(long) montgomeryReduce((long) cHat[j] * key.t1Hat[i][j]);
                for (int s = 0; s < L; s++) {
                    sum += montgomeryReduce((long) key.matrix[i][s][j] * z[s][j]);
                }
                w[j] = (int) sum;
            }
            inverseNtt(w);

            // Step 9: w1' = UseHint(h, w'approx); step 10 encodes it (Alg. 28 w1Encode, 4 bits each)
            int offset = i * W1_POLY_BYTES;
            for (int j = 0; j < N; j += 2) {
                int low = useHint(hint[i][j], w[j]);
                int high = useHint(hint[i][j + 1], w[j + 1]);
                w1Encoded[offset + j / 2] = (byte) (low | high << 4);
            }
        }

        // Step 10: c-tilde' = H(mu || w1Encode(w1'), lambda/4); step 11 compares it
        SHAKEDigest check = new SHAKEDigest(256);
        check.update(mu, 0, mu.length);
        check.update(w1Encoded, 0, w1Encoded.length);
        byte[] expected = new byte[LAMBDA_BYTES];
        check.doFinal(expected, 0, expected.length);
        return MessageDigest.isEqual(expected, commitmentHash);
    }

    /** Alg. 32 ExpandA: A-hat[r][s] = RejNTTPoly(rho || s || r). */
    private static int[][][] expandA(byte[] rho) {
        int[][][] matrix = new int[K][L][];
        byte[] seed = Arrays.copyOf(rho, 34);
        byte[] block = new byte[168];
        for (int r = 0; r < K; r++) {
            for (int s = 0; s < L; s++) {
                seed[32] = (byte) s;
                seed[33] = (byte) r;
                SHAKEDigest xof = new SHAKEDigest(128);
                xof.update(seed, 0, seed.length);

                // Alg. 30 RejNTTPoly with Alg. 14 CoeffFromThreeBytes; a SHAKE128 block is 56 triples
                int[] polynomial = new int[N];
                int count = 0;
                while (count < N) {
                    xof.doOutput(block, 0, block.length);
                    for (int b = 0; b < block.length && count < N; b += 3) {
                        int candidate = (block[b] & 0xff) | (block[b + 1] & 0xff) << 8
                                | (block[b + 2] & 0x7f) << 16;
                        if (candidate < Q) {
                            polynomial[count++] = candidate;
                        }
                    }
                }
                matrix[r][s] = polynomial;
            }
        }
        return matrix;
    }

    /** Alg. 29 SampleInBall: a polynomial with tau coefficients of +-1, from SHAKE256(c-tilde). */
    private static int[] sampleInBall(byte[] commitmentHash) {
        SHAKEDigest xof = new SHAKEDigest(256);
        xof.update(commitmentHash, 0, commitmentHash.length);
        byte[] stream = new byte[136];
        xof.doOutput(stream, 0, stream.length);
        long signs = 0;
        for (int b = 0; b < 8; b++) {
            signs |= (stream[b] & 0xffL) << (8 * b);
        }

        int[] c = new int[N];
        int position = 8;
        for (int i = N - TAU; i < N; i++) {
            int j;
            do {
                if (position == stream.length) {
                    xof.doOutput(stream, 0, stream.length);
                    position = 0;
                }
                j = stream[position++] & 0xff;
            } while (j > i);
            c[i] = c[j];
            c[j] = 1 - 2 * (int) (signs >>> (i + TAU - N) & 1);
        }
        return c;
    }

    /** Alg. 21 HintBitUnpack, or {@code null} where the encoding is malformed. */
    private static boolean[][] hintBitUnpack(byte[] signature, int offset) {
        boolean[][] hint = new boolean[K][N];
        int index = 0;
        for (int i = 0; i < K; i++) {
            int end = signature[offset + OMEGA + i] & 0xff;
            if (end < index || end > OMEGA) {
                return null;
            }
            int first = index;
            while (index < end) {
                int position = signature[offset + index] & 0xff;
                if (index > first && (signature[offset + index - 1] & 0xff) >= position) {
                    return null;
                }
                hint[i][position] = true;
                index++;
            }
        }
        for (int i = index; i < OMEGA; i++) {
            if (signature[offset + i] != 0) {
                return null;
            }
        }
        return hint;
    }

    /** Alg. 40 UseHint, with Alg. 36 Decompose; {@code r} may be any value congruent mod q. */
    private static int useHint(boolean hint, int r) {
        int reduced = Math.floorMod(r, Q);
        int r0 = reduced % (2 * GAMMA2);
        if (r0 > GAMMA2) {
            r0 -= 2 * GAMMA2;
        }
        int r1;
        if (reduced - r0 == Q - 1) {
            r1 = 0;
            r0 -= 1;
        } else {
            r1 = (reduced - r0) / (2 * GAMMA2);
        }
        if (!hint) {
            return r1;
        }
        // m = (q - 1) / (2 * gamma2) = 16
        return r0 > 0 ? (r1 + 1) & 15 : (r1 - 1) & 15;
    }

    /** Alg. 18 SimpleBitUnpack / the bit layout of Alg. 19: 256 little-endian {@code bits}-bit values. */
    private static int[] unpack(byte[] source, int offset, int bits) {
        int[] coefficients = new int[N];
        long buffer = 0;
        int buffered = 0;
        int position = offset;
        int mask = (1 << bits) - 1;
        for (int i = 0; i < N; i++) {
            while (buffered < bits) {
                buffer |= (source[position++] & 0xffL) << buffered;
                buffered += 8;
            }
            coefficients[i] = (int) (buffer & mask);
            buffer >>>= bits;
            buffered -= bits;
        }
        return coefficients;
    }

    /** Alg. 41 NTT, in place; inputs below 2^23 in absolute value, outputs below 2^27. */
    private static void ntt(int[] w) {
        int m = 0;
        for (int length = 128; length >= 1; length >>= 1) {
            for (int start = 0; start < N; start += 2 * length) {
                int zeta = ZETAS[++m];
                for (int j = start; j < start + length; j++) {
                    int t = montgomeryReduce((long) zeta * w[j + length]);
                    w[j + length] = w[j] - t;
                    w[j] = w[j] + t;
                }
            }
        }
    }

    /**
     * Alg. 42 NTT^-1, in place, also removing the 2^-32 factor the pointwise Montgomery products
     * left; the result is in [0, q).
     */
    private static void inverseNtt(int[] w) {
        int m = N;
        for (int length = 1; length < N; length <<= 1) {
            for (int start = 0; start < N; start += 2 * length) {
                int zeta = -ZETAS[--m];
                for (int j = start; j < start + length; j++) {
                    int t = w[j];
                    w[j] = reduce(t + w[j + length]);
                    w[j + length] = montgomeryReduce((long) zeta * (t - w[j + length]));
                }
            }
        }
        for (int j = 0; j < N; j++) {
            int value = montgomeryReduce((long) INVERSE_SCALE * w[j]);
            w[j] = value < 0 ? value + Q : value;
        }
    }

    /** a * 2^-32 mod q, in (-q, q), for |a| < 2^31 * q. Naive equivalent: a * R^-1 % q. */
    private static int montgomeryReduce(long a) {
        int t = (int) a * Q_INVERSE;
        return (int) ((a - (long) t * Q) >> 32);
    }

    /** A value congruent to a mod q with absolute value below q, for |a| < 2^31 - 2^22. */
    private static int reduce(int a) {
        return a - ((a + (1 << 22)) >> 23) * Q;
    }

    private static byte[] shake256(int outputLength, byte[] input) {
        SHAKEDigest xof = new SHAKEDigest(256);
        xof.update(input, 0, input.length);
        byte[] out = new byte[outputLength];
        xof.doFinal(out, 0, outputLength);
        return out;
    }

    private static int[] montgomeryZetas() {
        int[] zetas = new int[N];
        long montgomery = twoTo32ModQ();
        for (int m = 0; m < N; m++) {
            int exponent = Integer.reverse(m) >>> 24;
            long power = 1;
            for (int e = 0; e < exponent; e++) {
                power = mulMod(power, 1753);
            }
            zetas[m] = (int) mulMod(power, montgomery);
        }
        return zetas;
    }

    private static long twoTo32ModQ() {
        return (1L << 32) % Q;
    }

    private static long mulMod(long a, long b) {
        return a * b % Q;
    }

    /** The inverse of an odd number modulo 2^32, by Newton's iteration (each step doubles the bits). */
    private static int inverseModTwoTo32(int odd) {
        int inverse = odd;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }
}
