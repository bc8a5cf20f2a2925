// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Signatures;

/**
 * The worked examples of docs/protocol.md §9, kept in vectors/session.json: the code computes
 * every value of the file, and the document shows every hex value of it, so that neither the
 * document nor the file can drift from the code.
 *
 * <p>The handshake's and the ratchet's KEMs are randomised, so their key derivations are reached
 * directly, with fixed secrets in place of the KEM outputs.
 */
class SessionVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The surefire working directory is the client module. */
    private static final Path PROTOCOL_MD = Path.of("..", "docs", "protocol.md");
    private static final Pattern HEX_VALUE = Pattern.compile("[0-9a-f]{8,}");

    private static JsonNode vectors;

    @BeforeAll
    static void readVectors() throws IOException {
        try (InputStream in = SessionVectorsTest.class.getResourceAsStream("/vectors/session.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void hkdfGivesTheOutputOfRfc5869TestCase1() {
        JsonNode v = vectors.get("hkdf");

        byte[] okm = Kdf.hkdf(hex(v, "salt"), hex(v, "ikm"), hex(v, "info"), v.get("length").asInt());

        assertThat(okm).isEqualTo(hex(v, "okm"));
    }

    @Test
    void handshakeInfoIsTheTranscriptOfItsFields() {
        JsonNode v = vectors.get("handshake");
        JsonNode f = v.get("fields");
        Handshake.Party initiator = new Handshake.Party(f.get("initiator").asText(),
                hex(f, "initiatorIdentityKey"));
        Handshake.Party responder = new Handshake.Party(f.get("responder").asText(),
                hex(f, "responderIdentityKey"));
        Handshake.PublicPrekey signed = new Handshake.PublicPrekey(PrekeyKind.SIGNED,
                f.get("signedPrekeyId").asLong(), hex(f, "signedPrekey"));
        Handshake.PublicPrekey second = new Handshake.PublicPrekey(
                PrekeyKind.fromWireName(f.get("secondPrekeyKind").asText()), f.get("secondPrekeyId").asLong(),
                hex(f, "secondPrekey"));

        byte[] transcript = Handshake.transcript(CryptoMode.fromWireName(f.get("mode").asText()), initiator,
                responder, signed, second, hex(f, "signedPrekeyCiphertext"), hex(f, "secondPrekeyCiphertext"),
                hex(f, "ephemeralKey"));

        assertThat(transcript).isEqualTo(joined(v.get("infoParts")));
    }

    @Test
    void handshakeDerivesRootKeyChainKeyAndSessionId() {
        JsonNode v = vectors.get("handshake");
        byte[] info = joined(v.get("infoParts"));

        byte[] output = Handshake.derive(hex(v, "signedPrekeySecret"), hex(v, "secondPrekeySecret"), info);
        byte[] sessionId = Handshake.sessionId(info);

        assertThat(Kdf.first(output)).isEqualTo(hex(v, "rootKey"));
        assertThat(Kdf.second(output)).isEqualTo(hex(v, "chainKey"));
        assertThat(sessionId).isEqualTo(hex(v, "sessionId"));
    }

    @Test
    void handshakeKdfIsHkdfWithZeroSaltOverBothSecrets() {
        JsonNode v = vectors.get("handshake");
        byte[] ikm = concat(hex(v, "signedPrekeySecret"), hex(v, "secondPrekeySecret"));

        byte[] output = Kdf.hkdf(new byte[32], ikm, joined(v.get("infoParts")), 64);

        assertThat(output).isEqualTo(concat(hex(v, "rootKey"), hex(v, "chainKey")));
    }

    @Test
    void chainStepGivesMessageKeyAndNextChainKey() {
        JsonNode v = vectors.get("chainStep");

        assertThat(Kdf.messageKey(hex(v, "chainKey"))).isEqualTo(hex(v, "messageKey"));
        assertThat(Kdf.nextChainKey(hex(v, "chainKey"))).isEqualTo(hex(v, "nextChainKey"));
    }

    @Test
    void messageKeyExpandsToAesKeyAndNonce() {
        JsonNode v = vectors.get("messageKey");
        byte[] info = Wire.Writer.label(SessionLabels.MESSAGE_KEY).toByteArray();

        byte[] expanded = Kdf.hkdf(new byte[32], hex(v, "messageKey"), info, 44);

        assertThat(info).isEqualTo(hex(v, "info"));
        assertThat(expanded).isEqualTo(concat(hex(v, "aesKey"), hex(v, "nonce")));
    }

    @Test
    void headerAndAssociatedDataAreThoseOfTheParts() {
        JsonNode v = vectors.get("message");
        byte[] header = firstMessage().header();

        byte[] associatedData = context(v.get("envelope")).associatedData(header);

        assertThat(header).isEqualTo(joined(v.get("headerParts")));
        assertThat(associatedData).isEqualTo(associatedData(v));
    }

    @Test
    void payloadIsPaddedToSixtyFourBytes() throws SessionException {
        JsonNode v = vectors.get("message");
        byte[] plaintext = hex(v, "plaintext");
        byte[] expected = Arrays.copyOf(plaintext, v.get("paddedLength").asInt());
        expected[plaintext.length] = (byte) 0x80;

        byte[] padded = Session.pad(plaintext);

        assertThat(plaintext).isEqualTo(v.get("payload").asText().getBytes(UTF_8));
        assertThat(padded).isEqualTo(expected);
        assertThat(Session.unpad(padded)).isEqualTo(plaintext);
    }

    @Test
    void aesGcmSealsThePaddedPayload() throws GeneralSecurityException {
        JsonNode v = vectors.get("message");
        JsonNode keys = vectors.get("messageKey");
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hex(keys, "aesKey"), "AES"),
                new GCMParameterSpec(128, hex(keys, "nonce")));
        gcm.updateAAD(associatedData(v));

        byte[] sealed = gcm.doFinal(Session.pad(hex(v, "plaintext")));

        assertThat(sealed).isEqualTo(sealed(v));
    }

    @Test
    void sessionEncryptsTheFirstMessageAndThePeerOpensIt() throws SessionException {
        JsonNode v = vectors.get("message");
        JsonNode handshake = vectors.get("handshake");
        SessionState alice = new SessionState();
        alice.peer = "bob";
        alice.mode = "hybrid";
        alice.sessionId = hex(handshake, "sessionId");
        alice.rootKey = hex(handshake, "rootKey");
        alice.sendChainKey = hex(handshake, "chainKey");
        alice.sendChainCiphertext = new byte[0];
        alice.ownRatchetPublic = hex(handshake.get("fields"), "ephemeralKey");
        alice.pendingHandshake = firstMessage().handshake();
        SessionState bob = new SessionState();
        bob.peer = "alice";
        bob.mode = "hybrid";
        bob.sessionId = hex(handshake, "sessionId");
        bob.rootKey = hex(handshake, "rootKey");
        bob.receiveChainKey = hex(handshake, "chainKey");
        bob.remoteRatchetPublic = hex(handshake.get("fields"), "ephemeralKey");

        byte[] encoded = new Session(alice).encrypt(v.get("payload").asText().getBytes(UTF_8),
                context(v.get("envelope")));
        byte[] opened = new Session(bob).decrypt(SessionMessage.parse(encoded), context(v.get("envelope")));

        assertThat(encoded).isEqualTo(concat(joined(v.get("headerParts")), hex(v, "sealedLength"), sealed(v)));
        assertThat(alice.sendChainKey).isEqualTo(hex(vectors.get("chainStep"), "nextChainKey"));
        assertThat(new String(opened, UTF_8)).isEqualTo(v.get("payload").asText());
    }

    @Test
    void rootStepDerivesTheNextRootKeyAndChainKey() {
        JsonNode v = vectors.get("rootStep");
        SessionState state = new SessionState();
        state.rootKey = hex(v, "rootKey");
        state.sessionId = hex(vectors.get("handshake"), "sessionId");

        byte[] output = Session.rootStep(state, hex(v, "secret"), hex(v, "ratchetKey"), hex(v, "ratchetCiphertext"));
        byte[] fromParts = Kdf.hkdf(hex(v, "rootKey"), hex(v, "secret"), joined(v.get("infoParts")), 64);

        assertThat(output).isEqualTo(concat(hex(v, "nextRootKey"), hex(v, "chainKey")));
        assertThat(fromParts).isEqualTo(output);
    }

    @Test
    void safetyNumberIsTheSameOnBothSidesAndFollowsTheSteps() throws GeneralSecurityException, ProtocolException {
        JsonNode v = vectors.get("safetyNumber");
        JsonNode alice = v.get("users").get(0);
        JsonNode bob = v.get("users").get(1);

        String fromAlice = SafetyNumbers.of("alice", hex(alice, "identityKey"), "bob", hex(bob, "identityKey"));
        String fromBob = SafetyNumbers.of("bob", hex(bob, "identityKey"), "alice", hex(alice, "identityKey"));

        assertThat(fromAlice).isEqualTo(v.get("digits").asText());
        assertThat(fromBob).isEqualTo(fromAlice);
        for (JsonNode user : v.get("users")) {
            assertThat(Signatures.decodePublicKey(hex(user, "identityKey")).getAlgorithm()).isEqualTo("Ed25519");
            assertThat(digitsByTheSteps(user)).isEqualTo(user.get("digits").asText());
        }
    }

    @Test
    void documentShowsEveryHexValue() throws IOException {
        String document = Files.readString(PROTOCOL_MD, UTF_8);
        List<String> values = new ArrayList<>();
        collectHexValues(vectors, values);

        assertThat(values).hasSizeGreaterThan(50);
        assertThat(document).contains(values);
    }

    /** One user's digits by the steps of §9.8, checked against the code's. */
    private static String digitsByTheSteps(JsonNode user) throws GeneralSecurityException {
        byte[] key = hex(user, "identityKey");
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        byte[] hash = sha512.digest(joined(user.get("hashInputParts")));
        for (int i = 0; i < SafetyNumbers.ITERATIONS; i++) {
            hash = sha512.digest(concat(hash, key));
        }
        assertThat(Arrays.copyOf(hash, 30)).isEqualTo(hex(user, "lastHashFirst30Bytes"));

        StringBuilder digits = new StringBuilder();
        for (int offset = 0; offset < 30; offset += 5) {
            long chunk = 0;
            for (int i = 0; i < 5; i++) {
                chunk = chunk << 8 | (hash[offset + i] & 0xff);
            }
            digits.append(String.format("%05d", chunk % 100_000));
        }
        assertThat(SafetyNumbers.digits(user.get("username").asText(), key)).isEqualTo(digits.toString());
        return digits.toString();
    }

    /** Alice's first message of the session, as the vectors describe it, without its payload. */
    private static SessionMessage firstMessage() {
        JsonNode f = vectors.get("handshake").get("fields");
        SessionMessage.Handshake handshake = new SessionMessage.Handshake(f.get("signedPrekeyId").asLong(),
                PrekeyKind.fromWireName(f.get("secondPrekeyKind").asText()), f.get("secondPrekeyId").asLong(),
                hex(f, "signedPrekeyCiphertext"), hex(f, "secondPrekeyCiphertext"));
        return new SessionMessage(hex(vectors.get("handshake"), "sessionId"), hex(f, "ephemeralKey"), new byte[0],
                0, 0, handshake, new byte[0]);
    }

    private static EnvelopeContext context(JsonNode envelope) {
        return new EnvelopeContext(UUID.fromString(envelope.get("id").asText()), envelope.get("sender").asText(),
                envelope.get("recipient").asText(), CryptoMode.fromWireName(envelope.get("mode").asText()),
                envelope.get("timestampMillis").asLong());
    }

    private static byte[] associatedData(JsonNode message) {
        return concat(joined(message.get("associatedDataParts")), hex(message, "headerLength"),
                joined(message.get("headerParts")));
    }

    private static byte[] sealed(JsonNode message) {
        JsonNode ciphertext = message.get("ciphertext");
        return concat(HEX.parseHex(ciphertext.get(0).asText()), HEX.parseHex(ciphertext.get(1).asText()),
                hex(message, "tag"));
    }

    private static void collectHexValues(JsonNode node, List<String> values) {
        if (node.isTextual() && HEX_VALUE.matcher(node.asText()).matches()) {
            values.add(node.asText());
        }
        node.forEach(child -> collectHexValues(child, values));
    }

    private static byte[] joined(JsonNode parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(part -> out.writeBytes(HEX.parseHex(part.get("hex").asText())));
        return out.toByteArray();
    }

    private static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText());
    }

    private static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] array : arrays) {
            out.writeBytes(array);
        }
        return out.toByteArray();
    }
}
