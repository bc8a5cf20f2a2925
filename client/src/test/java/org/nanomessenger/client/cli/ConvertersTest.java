// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nanomessenger.protocol.CryptoMode;
import picocli.CommandLine.TypeConversionException;

/** Option values are checked and normalised before a command runs. */
class ConvertersTest {

    @Test
    void readsModesByTheirWireNameInAnyCase() {
        Converters.Mode mode = new Converters.Mode();

        assertThat(mode.convert("classical")).isEqualTo(CryptoMode.CLASSICAL);
        assertThat(mode.convert("Hybrid")).isEqualTo(CryptoMode.HYBRID);
        assertThat(mode.convert("QUANTUM")).isEqualTo(CryptoMode.QUANTUM);
        assertThat(new Converters.ModeNames()).containsExactly("classical", "hybrid", "quantum");
    }

    @Test
    void refusesAnUnknownModeNamingTheKnownOnes() {
        assertThatThrownBy(() -> new Converters.Mode().convert("paranoid"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'paranoid' is not a mode: expected classical, hybrid or quantum");
    }

    @Test
    void normalisesUsernames() {
        Converters.Username username = new Converters.Username();

        assertThat(username.convert(" Alice ")).isEqualTo("alice");
        assertThat(username.convert("\uFF41\uFF4C\uFF49\uFF43\uFF45")).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"al", "bad name", "bad!", "\u0430lice", "a23456789012345678901234567890123"})
    void refusesInvalidUsernames(String value) {
        assertThatThrownBy(() -> new Converters.Username().convert(value))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageEndingWith("is not a username: 3 to 32 of a-z 0-9 _ -");
    }

    @Test
    void acceptsHttpAndHttpsServers() {
        Converters.ServerUrl url = new Converters.ServerUrl();

        assertThat(url.convert("http://localhost:8080")).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(url.convert(" HTTPS://chat.example.org/nano "))
                .isEqualTo(URI.create("https://chat.example.org/nano"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org", "localhost:8080", "example.org", "http://",
        "http:///path", "http://user:pw@example.org", "http://example.org/?q=1",
        "http://example.org/#top", "http://exa mple.org"})
    void refusesWhatIsNotAServerUrl(String value) {
        assertThatThrownBy(() -> new Converters.ServerUrl().convert(value))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'" + value + "' is not a");
    }
}
