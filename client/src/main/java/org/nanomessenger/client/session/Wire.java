// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The binary encoding of session messages and key-derivation inputs: the field encoding of the
 * protocol's signing inputs (docs/protocol.md §2.1), so that one reader of that section can parse
 * both. Byte strings and UTF-8 strings carry a 4-byte big-endian length; 64-bit integers are 8
 * bytes big-endian; a one-byte code has no length.
 */
final class Wire {

    private Wire() {
    }

    /** Builds an encoding field by field. */
    static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        /** Starts with a domain-separation label, written as a byte-string field of its ASCII. */
        static Writer label(String label) {
            return new Writer().bytes(label.getBytes(StandardCharsets.US_ASCII));
        }

        Writer bytes(byte[] value) {
            int length = value.length;
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.writeBytes(value);
            return this;
        }

        Writer string(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        Writer int64(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift));
            }
            return this;
        }

        Writer uint8(int value) {
            out.write(value);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads an encoding field by field; every read checks the bounds. */
    static final class Reader {

        private final byte[] input;
        private int position;

        Reader(byte[] input) {
            this.input = input;
        }

        byte[] bytes(int maxLength) throws MessageFormatException {
            long length = (long) uint8() << 24 | uint8() << 16 | uint8() << 8 | uint8();
            if (length > maxLength || length > input.length - position) {
                throw new MessageFormatException("a field of " + length + " bytes does not fit");
            }
            byte[] value = new byte[(int) length];
            System.arraycopy(input, position, value, 0, value.length);
            position += value.length;
            return value;
        }

        long int64() throws MessageFormatException {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | uint8();
            }
            return value;
        }

        int uint8() throws MessageFormatException {
            if (position >= input.length) {
                throw new MessageFormatException("the message is truncated");
            }
            return input[position++] & 0xff;
        }

        /** Refuses trailing bytes: one message has exactly one encoding. */
        void end() throws MessageFormatException {
            if (position != input.length) {
                throw new MessageFormatException((input.length - position) + " bytes after the end of the message");
            }
        }
    }
}
