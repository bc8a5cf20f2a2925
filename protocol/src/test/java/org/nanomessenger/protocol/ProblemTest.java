// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Problem type URIs and titles are part of the API: these exact strings must not change. */
class ProblemTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INVALID_USERNAME | https://nanomessenger.org/problems/invalid-username | Invalid username",
        "INVALID_KEY | https://nanomessenger.org/problems/invalid-key | Invalid key",
        "INVALID_SIGNATURE | https://nanomessenger.org/problems/invalid-signature | Invalid signature",
        "MODE_BELOW_POLICY | https://nanomessenger.org/problems/mode-below-policy "
                + "| Crypto mode below the server's policy",
        "MALFORMED_INPUT | https://nanomessenger.org/problems/malformed-input | Malformed input"
    })
    void hasAStableTypeAndTitle(Problem problem, String type, String title) {
        assertThat(problem.type()).isEqualTo(URI.create(type));
        assertThat(problem.title()).isEqualTo(title);
    }

    @ParameterizedTest
    @CsvSource({"INVALID_USERNAME", "INVALID_KEY", "INVALID_SIGNATURE", "MODE_BELOW_POLICY", "MALFORMED_INPUT"})
    void carriesItsProblemInTheException(Problem problem) {
        ProtocolException exception = new ProtocolException(problem, "detail");

        assertThat(exception.problem()).isEqualTo(problem);
        assertThat(exception.getMessage()).isEqualTo("detail");
    }
}
