// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Map;

import org.nanomessenger.crypto.provider.NanoAlgorithms;

/**
 * Names the algorithm of an X.509 SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) from the OID of its
 * AlgorithmIdentifier, reading only as much DER (ITU-T X.690) as that takes:
 * {@code SEQUENCE { SEQUENCE { OBJECT IDENTIFIER, ... }, BIT STRING }}. The key factory that then
 * decodes the key checks the rest strictly.
 */
final class Spki {

    /** The six key algorithms of the protocol: the signature and KEM algorithm of every crypto mode. */
    static final Map<String, String> ALGORITHM_BY_OID = Map.of(
            "1.3.101.112", NanoAlgorithms.ED25519,                          // RFC 8410 §3
            "1.3.101.110", NanoAlgorithms.X25519,                           // RFC 8410 §3
            "2.16.840.1.101.3.4.3.18", NanoAlgorithms.ML_DSA_65,            // NIST CSOR, RFC 9881
            "2.16.840.1.101.3.4.4.2", NanoAlgorithms.ML_KEM_768,            // NIST CSOR, RFC 9935
            "1.3.6.1.5.5.7.6.48", NanoAlgorithms.MLDSA65_ED25519_SHA512,    // draft-ietf-lamps-pq-composite-sigs
            "1.3.6.1.4.1.62253.25722", NanoAlgorithms.X_WING);              // draft-connolly-cfrg-xwing-kem

    private static final int SEQUENCE = 0x30;
    private static final int OID = 0x06;
    /** Arcs above 2^63 - 1 are refused: no OID of interest comes near. */
    private static final int MAX_ARC_BYTES = 9;

    private final byte[] der;
    private int position;

    private Spki(byte[] der) {
        this.der = der;
    }

    /**
     * The JCA name of the key algorithm of {@code spki}.
     *
     * @throws ProtocolException with {@link Problem#INVALID_KEY} if the DER up to the OID is
     *         malformed, or the OID is not one of {@link #ALGORITHM_BY_OID}
     */
    static String algorithmOf(byte[] spki) throws ProtocolException {
        String oid = new Spki(spki).readAlgorithmOid();
        String algorithm = ALGORITHM_BY_OID.get(oid);
        if (algorithm == null) {
            throw new ProtocolException(Problem.INVALID_KEY, "Unsupported key algorithm OID " + oid
                    + ": expected Ed25519, X25519, ML-DSA-65, ML-KEM-768, MLDSA65-Ed25519-SHA512 or X-Wing");
        }
        return algorithm;
    }

    private String readAlgorithmOid() throws ProtocolException {
        int spkiLength = readHeader(SEQUENCE);
        if (position + spkiLength != der.length) {
            throw malformed("the outer SEQUENCE does not span the whole input");
        }
        int algorithmLength = readHeader(SEQUENCE);
        int algorithmEnd = position + algorithmLength;
        int oidLength = readHeader(OID);
        if (position + oidLength > algorithmEnd) {
            throw malformed("the OID overruns its AlgorithmIdentifier");
        }
        return decodeOid(oidLength);
    }

    /** Reads a tag and a definite length in minimal form (X.690 §8.1.3, §10.1); answers the length. */
    private int readHeader(int expectedTag) throws ProtocolException {
        if (remaining() < 2) {
            throw malformed("truncated");
        }
        int tag = der[position++] & 0xff;
        if (tag != expectedTag) {
            throw malformed(String.format("expected tag 0x%02x, got 0x%02x", expectedTag, tag));
        }

        int first = der[position++] & 0xff;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 3 || remaining() < count) {
                throw malformed("unsupported or truncated length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[position++] & 0xff);
            }
            if (length < 0x80 || length >> (8 * (count - 1)) == 0) {
                throw malformed("length not in minimal form");
            }
        }

        if (length > remaining()) {
            throw malformed("length exceeds the input");
        }
        return length;
    }

    /** X.690 §8.19: base-128 subidentifiers, the first one holding the first two arcs. */
    private String decodeOid(int length) throws ProtocolException {
        if (length == 0) {
            throw malformed("empty OID");
        }
        int end = position + length;
        StringBuilder dotted = new StringBuilder();
        boolean first = true;
        while (position < end) {
            long arc = readSubidentifier(end);
            if (first) {
                int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                dotted.append(top).append('.').append(arc - 40L * top);
                first = false;
            } else {
                dotted.append('.').append(arc);
            }
        }
        return dotted.toString();
    }

    private long readSubidentifier(int end) throws ProtocolException {
        if ((der[position] & 0xff) == 0x80) {
            throw malformed("OID subidentifier not in minimal form");
        }
        long value = 0;
        for (int count = 1; position < end; count++) {
            int b = der[position++] & 0xff;
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return value;
            }
            if (count == MAX_ARC_BYTES) {
                throw malformed("OID arc too large");
            }
        }
        throw malformed("truncated OID");
    }

    private int remaining() {
        return der.length - position;
    }

    private static ProtocolException malformed(String why) {
        return new ProtocolException(Problem.INVALID_KEY, "Malformed SubjectPublicKeyInfo: " + why);
    }
}
