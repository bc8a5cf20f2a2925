// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each field type encodes exactly as SigningInput's description says. */
class SigningInputTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void writesTheLabelAsALengthPrefixedString() {
        assertThat(hex(SigningInput.label("x"))).isEqualTo("00000001" + "78");
    }

    @Test
    void prefixesByteStringsWithTheirFourByteLength() {
        assertThat(hex(SigningInput.label("x").bytes(new byte[0]).bytes(new byte[] {(byte) 0xff, 0})))
                .isEqualTo("0000000178" + "00000000" + "00000002ff00");
    }

    @Test
    void writesAThreeHundredByteFieldWithAFullLength() {
        byte[] input = SigningInput.label("x").bytes(new byte[300]).toByteArray();

        assertThat(HEX.formatHex(input, 5, 9)).isEqualTo("0000012c");
        assertThat(input).hasSize(5 + 4 + 300);
    }

    @Test
    void writesStringsAsUtf8() {
        // é is U+00E9 (c3 a9 in UTF-8), € is U+20AC (e2 82 ac), 😀 is U+1F600 (f0 9f 98 80)
        assertThat(hex(SigningInput.label("x").string("é€😀")))
                .isEqualTo("0000000178" + "00000009" + "c3a9" + "e282ac" + "f09f9880");
    }

    @Test
    void writesInt64AsEightBigEndianBytesWithoutLength() {
        assertThat(hex(SigningInput.label("x").int64(1).int64(-1).int64(0x0102030405060708L).int64(Long.MIN_VALUE)))
                .isEqualTo("0000000178" + "0000000000000001" + "ffffffffffffffff" + "0102030405060708"
                        + "8000000000000000");
    }

    @Test
    void writesUint8AsOneByte() {
        assertThat(hex(SigningInput.label("x").uint8(0).uint8(3).uint8(255))).isEqualTo("0000000178" + "0003ff");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256, Integer.MIN_VALUE})
    void refusesUint8OutOfRange(int value) {
        SigningInput input = SigningInput.label("x");

        assertThatThrownBy(() -> input.uint8(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A uint8 field must be in 0..255, got " + value);
    }

    @Test
    void refusesAnUnpairedSurrogateRatherThanSigningAReplacement() {
        SigningInput input = SigningInput.label("x");

        assertThatThrownBy(() -> input.string("a\uD800b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A string field must be well-formed UTF-16 (no unpaired surrogate)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "caf\u00e9", "tab\there"})
    void refusesLabelsThatAreNotPrintableAscii(String label) {
        assertThatThrownBy(() -> SigningInput.label(label))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A signing label must be printable ASCII without blanks");
    }

    @Test
    void keepsNoLinkBetweenCallsToToByteArray() {
        SigningInput input = SigningInput.label("x");
        byte[] first = input.toByteArray();
        first[0] = 9;

        assertThat(hex(input)).isEqualTo("0000000178");
    }

    private static String hex(SigningInput input) {
        return HEX.formatHex(input.toByteArray());
    }
}
