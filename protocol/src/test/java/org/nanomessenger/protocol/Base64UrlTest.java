// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Base64url without padding, decoded strictly (RFC 4648 §5). */
class Base64UrlTest {

    @ParameterizedTest(name = "\"{0}\" <-> {1}")
    @CsvSource({
        // RFC 4648 §10 test vectors, without their padding
        "'',     ''",
        "f,      Zg",
        "fo,     Zm8",
        "foo,    Zm9v",
        "foob,   Zm9vYg",
        "fooba,  Zm9vYmE",
        "foobar, Zm9vYmFy"
    })
    void encodesAndDecodesTheRfcVectors(String text, String encoded) throws ProtocolException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base64Url.encode(bytes)).isEqualTo(encoded);
        assertThat(Base64Url.decode(encoded)).isEqualTo(bytes);
    }

    @Test
    void usesTheUrlSafeAlphabet() throws ProtocolException {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};

        assertThat(Base64Url.encode(bytes)).isEqualTo("-_-_");
        assertThat(Base64Url.decode("-_-_")).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zg==", "Zm8=", "Zm9v====", "+/+/", "Zm9v+g", "Zm9v/g", "Zm 9v", " Zm9v", "Zm9v\n",
        "Zm9v\r\n", "Zm9v\t", "Zm9v.", "Zm9vÿ"})
    void refusesCharactersOutsideTheUnpaddedAlphabet(String encoded) {
        assertThatThrownBy(() -> Base64Url.decode(encoded))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED_INPUT))
                .hasMessageStartingWith("Malformed base64url (RFC 4648 §5, unpadded): character ")
                .hasMessageEndingWith(" is not in the unpadded base64url alphabet A-Z a-z 0-9 - _");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "Zm9vY"})
    void refusesALengthThatEncodesNoBytes(String encoded) {
        assertThatThrownBy(() -> Base64Url.decode(encoded))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED_INPUT))
                .hasMessage("Malformed base64url (RFC 4648 §5, unpadded): a length of 4n + 1 characters encodes no "
                        + "bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zh", "Zm9", "Zm9vYh", "AR"})
    void refusesNonZeroPadBits(String encoded) {
        assertThatThrownBy(() -> Base64Url.decode(encoded))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED_INPUT))
                .hasMessage("Malformed base64url (RFC 4648 §5, unpadded): the last character has non-zero pad bits");
    }

    @Test
    void refusesAMissingValue() {
        assertThatThrownBy(() -> Base64Url.decode(null))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED_INPUT))
                .hasMessage("Malformed base64url (RFC 4648 §5, unpadded): a base64url value is required");
    }
}
