// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples in vectors/signing-inputs.json, which docs/protocol.md cites, are what the
 * statement records produce, field by field and as a whole.
 */
class SigningInputVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<JsonNode> vectors() throws IOException {
        try (InputStream in = SigningInputVectorsTest.class.getResourceAsStream("/vectors/signing-inputs.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            return StreamSupport.stream(root.get("vectors").spliterator(), false).toList();
        }
    }

    @Test
    void coversEveryStatement() throws IOException {
        assertThat(vectors()).extracting(v -> v.get("statement").asText())
                .containsExactly("Registration", "AuthChallengeResponse", "Prekey", "Envelope");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void partsMakeUpTheSigningInput(JsonNode vector) {
        StringBuilder joined = new StringBuilder();
        vector.get("parts").forEach(part -> joined.append(part.get("hex").asText()));

        assertThat(joined.toString()).isEqualTo(vector.get("signingInput").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void statementProducesTheSigningInput(JsonNode vector) {
        byte[] expected = HEX.parseHex(vector.get("signingInput").asText());

        assertThat(statementOf(vector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void examplesUseRealKeys(JsonNode vector) throws ProtocolException {
        JsonNode fields = vector.get("fields");
        JsonNode key = fields.has("identityKey") ? fields.get("identityKey") : fields.get("publicKey");
        if (key == null) {
            return;
        }
        String algorithm = fields.has("identityAlgorithm") ? fields.get("identityAlgorithm").asText()
                : fields.get("algorithm").asText();

        assertThat(Signatures.decodePublicKey(HEX.parseHex(key.asText())).getAlgorithm()).isEqualTo(algorithm);
    }

    private static byte[] statementOf(JsonNode vector) {
        JsonNode f = vector.get("fields");
        return switch (vector.get("statement").asText()) {
            case "Registration" -> new Registration(f.get("username").asText(), f.get("deviceId").asText(),
                    f.get("identityAlgorithm").asText(), bytes(f, "identityKey"), f.get("timestampMillis").asLong())
                    .signingInput();
            case "AuthChallengeResponse" -> new AuthChallengeResponse(f.get("username").asText(),
                    f.get("deviceId").asText(), bytes(f, "nonce"), f.get("issuedAtMillis").asLong()).signingInput();
            case "Prekey" -> new Prekey(f.get("username").asText(), PrekeyKind.fromWireName(f.get("kind").asText()),
                    f.get("keyId").asLong(), f.get("algorithm").asText(), bytes(f, "publicKey")).signingInput();
            case "Envelope" -> new Envelope(UUID.fromString(f.get("id").asText()), f.get("sender").asText(),
                    f.get("recipient").asText(), CryptoMode.fromWireName(f.get("mode").asText()),
                    f.get("timestampMillis").asLong(), bytes(f, "ciphertext")).signingInput();
            default -> throw new IllegalArgumentException("Unknown statement " + vector.get("statement"));
        };
    }

    private static byte[] bytes(JsonNode fields, String name) {
        return HEX.parseHex(fields.get(name).asText());
    }
}
