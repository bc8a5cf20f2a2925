// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the text of {@code nano send} comes from. */
class SendCommandTest {

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    @Test
    void joinsTheWordsWithBlanksAndLeavesStdinAlone() {
        assertThat(SendCommand.text(List.of("hello", "there,", "bob"), stdin("unread")))
                .isEqualTo("hello there, bob");
    }

    @Test
    void aSingleWordOtherThanADashIsTheText() {
        assertThat(SendCommand.text(List.of("--"), stdin("unread"))).isEqualTo("--");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'hi\\n'       | 'hi'",
        "'hi\\r\\n'    | 'hi'",
        "'hi\\n\\n'    | 'hi\\n'",
        "'a\\nb'       | 'a\\nb'",
        "'héllo ✓\\n'  | 'héllo ✓'",
        "''            | ''"})
    void readsStdinAsUtf8WithoutOneTrailingLineBreak(String input, String expected) {
        String text = input.replace("\\n", "\n").replace("\\r", "\r");
        String wanted = expected.replace("\\n", "\n");

        assertThat(SendCommand.text(List.of(), stdin(text))).isEqualTo(wanted);
        assertThat(SendCommand.text(List.of("-"), stdin(text))).isEqualTo(wanted);
    }
}
