// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The few DER structures NanoPQ's keys need (ITU-T X.690): SubjectPublicKeyInfo (RFC 5280 §4.1),
 * OneAsymmetricKey / PKCS#8 (RFC 5958) and the private key CHOICE of the ML-KEM and ML-DSA key
 * drafts. The reader is strict: definite lengths in minimal form only, no trailing bytes.
 */
public final class Der {

    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int OID = 0x06;
    public static final int SEQUENCE = 0x30;
    /** [0] IMPLICIT, primitive: the seed alternative of the ML-KEM and ML-DSA private key CHOICE. */
    public static final int CONTEXT_0 = 0x80;

    private Der() {
    }

    /** A public key's algorithm OID and the raw bytes of its BIT STRING. */
    public record PublicKeyInfo(String oid, byte[] key) {
    }

    /** A private key's algorithm OID and the contents of its privateKey OCTET STRING. */
    public record PrivateKeyInfo(String oid, byte[] key) {
    }

    /** Thrown for any input that is not the DER the reader expects. */
    public static final class DerException extends Exception {
        private static final long serialVersionUID = 1L;

        public DerException(String message) {
            super(message);
        }
    }

    /** SEQUENCE { SEQUENCE { OID }, BIT STRING }: parameters absent, as every NanoPQ algorithm requires. */
    public static byte[] encodeSubjectPublicKeyInfo(String oid, byte[] key) {
        byte[] bits = new byte[key.length + 1];
        System.arraycopy(key, 0, bits, 1, key.length);
        return tlv(SEQUENCE, concatTlv(algorithmIdentifier(oid), tlv(BIT_STRING, bits)));
    }

    /** SEQUENCE { INTEGER 0, SEQUENCE { OID }, OCTET STRING privateKey } (version v1, no attributes). */
    public static byte[] encodePrivateKeyInfo(String oid, byte[] privateKey) {
        return tlv(SEQUENCE, concatTlv(tlv(INTEGER, new byte[] {0}), algorithmIdentifier(oid),
                tlv(OCTET_STRING, privateKey)));
    }

    /** Reads a SubjectPublicKeyInfo; the AlgorithmIdentifier must have no parameters. */
    public static PublicKeyInfo decodeSubjectPublicKeyInfo(byte[] encoded) throws DerException {
        Reader outer = new Reader(encoded);
        Reader spki = outer.enter(SEQUENCE);
        outer.expectEnd();
        String oid = readAlgorithmIdentifier(spki);
        byte[] bits = spki.read(BIT_STRING);
        spki.expectEnd();
        if (bits.length == 0 || bits[0] != 0) {
            throw new DerException("public key BIT STRING has unused bits");
        }
        return new PublicKeyInfo(oid, Arrays.copyOfRange(bits, 1, bits.length));
    }

    /**
     * The algorithm OID of a SubjectPublicKeyInfo or PKCS#8 PrivateKeyInfo, read without judging
     * the rest, so that a caller can name a foreign key's type before refusing it.
     */
    public static String peekAlgorithmOid(byte[] encoded, boolean privateKeyInfo) throws DerException {
        Reader info = new Reader(encoded).enter(SEQUENCE);
        if (privateKeyInfo) {
            info.read(INTEGER);
        }
        return decodeOid(info.enter(SEQUENCE).read(OID));
    }

    /**
     * Reads a PKCS#8 PrivateKeyInfo or OneAsymmetricKey (version 0 or 1). Attributes and an embedded
     * public key are skipped: the private key alone defines the key.
     */
    public static PrivateKeyInfo decodePrivateKeyInfo(byte[] encoded) throws DerException {
        Reader outer = new Reader(encoded);
        Reader info = outer.enter(SEQUENCE);
        outer.expectEnd();
        byte[] version = info.read(INTEGER);
        if (version.length != 1 || (version[0] != 0 && version[0] != 1)) {
            throw new DerException("PKCS#8 version must be 0 or 1");
        }
        String oid = readAlgorithmIdentifier(info);
        byte[] key = info.read(OCTET_STRING);
        while (info.hasMore()) {
            int tag = info.peekTag();
            if (tag != 0xA0 && tag != 0x81 && tag != 0xA1) {
                throw new DerException("unexpected element in PKCS#8 after the private key");
            }
            info.read(tag);
        }
        return new PrivateKeyInfo(oid, key);
    }

    /** Encodes a DER TLV with the given tag. */
    public static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] big = BigInteger.valueOf(length).toByteArray();
            int skip = big[0] == 0 ? 1 : 0;
            out.write(0x80 | (big.length - skip));
            out.write(big, skip, big.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concatTlv(byte[]... parts) {
        return Bytes.concat(parts);
    }

    private static byte[] algorithmIdentifier(String oid) {
        return tlv(SEQUENCE, tlv(OID, encodeOid(oid)));
    }

    private static String readAlgorithmIdentifier(Reader parent) throws DerException {
        Reader algorithm = parent.enter(SEQUENCE);
        String oid = decodeOid(algorithm.read(OID));
        if (algorithm.hasMore()) {
            throw new DerException("algorithm parameters must be absent for " + oid);
        }
        return oid;
    }

    static byte[] encodeOid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, Long.parseLong(arcs[i]));
        }
        return out.toByteArray();
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int septet = (int) ((value >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? septet : septet | 0x80);
        }
    }

    static String decodeOid(byte[] content) throws DerException {
        if (content.length == 0 || (content[content.length - 1] & 0x80) != 0) {
            throw new DerException("malformed OBJECT IDENTIFIER");
        }
        StringBuilder dotted = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = 0; i < content.length; i++) {
            if (value == 0 && (content[i] & 0xff) == 0x80) {
                throw new DerException("OBJECT IDENTIFIER arc is not minimally encoded");
            }
            if (value > (Long.MAX_VALUE >>> 7)) {
                throw new DerException("OBJECT IDENTIFIER arc is too large");
            }
            value = (value << 7) | (content[i] & 0x7f);
            if ((content[i] & 0x80) == 0) {
                if (first) {
                    long top = Math.min(value / 40, 2);
                    dotted.append(top).append('.').append(value - top * 40);
                    first = false;
                } else {
                    dotted.append('.').append(value);
                }
                value = 0;
            }
        }
        return dotted.toString();
    }

    /** A cursor over one level of DER. */
    public static final class Reader {
        private final byte[] data;
        private int position;
        private final int end;

        public Reader(byte[] data) {
            this(data, 0, data.length);
        }

        private Reader(byte[] data, int start, int end) {
            this.data = data;
            this.position = start;
            this.end = end;
        }

        public boolean hasMore() {
            return position < end;
        }

        public int peekTag() throws DerException {
            if (!hasMore()) {
                throw new DerException("truncated DER: element missing");
            }
            return data[position] & 0xff;
        }

        /** Reads the next element, which must carry {@code tag}, and answers a copy of its contents. */
        public byte[] read(int tag) throws DerException {
            int[] span = next(tag);
            return Arrays.copyOfRange(data, span[0], span[1]);
        }

        /** Steps into the next element, which must carry {@code tag}. */
        public Reader enter(int tag) throws DerException {
            int[] span = next(tag);
            return new Reader(data, span[0], span[1]);
        }

        public void expectEnd() throws DerException {
            if (hasMore()) {
                throw new DerException("trailing bytes after DER element");
            }
        }

        private int[] next(int tag) throws DerException {
            int actual = peekTag();
            if (actual != tag) {
                throw new DerException(String.format("expected DER tag 0x%02x, found 0x%02x", tag, actual));
            }
            position++;
            int length = readLength();
            if (length > end - position) {
                throw new DerException("truncated DER: element longer than its container");
            }
            int start = position;
            position += length;
            return new int[] {start, position};
        }

        private int readLength() throws DerException {
            if (!hasMore()) {
                throw new DerException("truncated DER: length missing");
            }
            int first = data[position++] & 0xff;
            if (first < 0x80) {
                return first;
            }
            int count = first & 0x7f;
            if (count == 0 || count > 3 || count > end - position) {
                throw new DerException("unsupported or truncated DER length");
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[position++] & 0xff);
            }
            if (length < 0x80 || length >> (8 * (count - 1)) == 0) {
                throw new DerException("DER length is not minimally encoded");
            }
            return length;
        }
    }
}
