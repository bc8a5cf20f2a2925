// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Usernames normalise to one spelling, and only ASCII names of 3 to 32 characters are valid. */
class UsernamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alice          | alice",
        "Alice          | alice",
        "'  BOB  '      | bob",
        "ａｌｉｃｅ     | alice",
        "ＡＬＩＣＥ     | alice",
        "'\u3000carol\u3000' | carol",
        "ⅾave           | dave",
        "ſam            | sam",
        "\u212Aim       | kim",
        "user_１２３    | user_123",
        "a-b_c          | a-b_c"
    })
    void normalisesToTheOneValidSpelling(String raw, String expected) throws ProtocolException {
        assertThat(Usernames.normalize(raw)).isEqualTo(expected);
        assertThat(Usernames.requireValid(raw)).isEqualTo(expected);
    }

    @Test
    void acceptsTheLengthBounds() throws ProtocolException {
        assertThat(Usernames.requireValid("abc")).isEqualTo("abc");
        assertThat(Usernames.requireValid("a".repeat(32))).isEqualTo("a".repeat(32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "   ab   ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "al ice", "alice!", "al.ice",
        "\u0430lice", "al\u0131ce", "\u00e5lice", "ali\tce", "al\u200Bice", "\u00e9mile", "\u0130stanbul", "@alice"})
    void refusesNamesThatAreNotValidOnceNormalised(String raw) {
        assertThatThrownBy(() -> Usernames.requireValid(raw))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_USERNAME))
                .hasMessage("A username must be 3 to 32 characters of a-z, 0-9, '_' and '-' after NFKC "
                        + "normalisation and lower-casing");
    }

    @Test
    void lowerCasesTheSameWayInEveryDefaultLocale() throws ProtocolException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertThat(Usernames.requireValid("ILIA")).isEqualTo("ilia");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void refusesAMissingName() {
        assertThatThrownBy(() -> Usernames.requireValid(null))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_USERNAME))
                .hasMessage("A username is required");
    }

    @Test
    void isValidJudgesTheNormalisedFormOnly() {
        assertThat(Usernames.isValid("alice")).isTrue();
        assertThat(Usernames.isValid("Alice")).isFalse();
        assertThat(Usernames.isValid(" alice")).isFalse();
        assertThat(Usernames.isValid("ab")).isFalse();
        assertThat(Usernames.isValid("a".repeat(33))).isFalse();
        assertThat(Usernames.isValid(null)).isFalse();
    }
}
