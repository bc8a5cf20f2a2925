// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statement records are values: they own their arrays, compare by content and print no payload. */
class StatementValuesTest {

    private static final UUID ID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

    @Test
    void envelopeOwnsItsCiphertext() {
        byte[] ciphertext = {1, 2, 3};
        Envelope envelope = new Envelope(ID, "alice", "bob", CryptoMode.HYBRID, 5, ciphertext);

        ciphertext[0] = 9;
        envelope.ciphertext()[1] = 9;

        assertThat(envelope.ciphertext()).containsExactly(1, 2, 3);
    }

    @Test
    void registrationPrekeyAndResponseOwnTheirArrays() {
        byte[] bytes = {1, 2};
        Registration registration = new Registration("alice", "laptop", "Ed25519", bytes, 1);
        Prekey prekey = new Prekey("alice", PrekeyKind.SIGNED, 1, "X25519", bytes);
        AuthChallengeResponse response = new AuthChallengeResponse("alice", "laptop", bytes, 1);

        bytes[0] = 9;
        registration.identityKey()[1] = 9;
        prekey.publicKey()[1] = 9;
        response.nonce()[1] = 9;

        assertThat(registration.identityKey()).containsExactly(1, 2);
        assertThat(prekey.publicKey()).containsExactly(1, 2);
        assertThat(response.nonce()).containsExactly(1, 2);
    }

    @Test
    void comparesByArrayContent() {
        Envelope envelope = new Envelope(ID, "alice", "bob", CryptoMode.HYBRID, 5, new byte[] {1, 2, 3});
        Envelope same = new Envelope(ID, "alice", "bob", CryptoMode.HYBRID, 5, new byte[] {1, 2, 3});
        Envelope other = new Envelope(ID, "alice", "bob", CryptoMode.HYBRID, 5, new byte[] {1, 2, 4});

        assertThat(same).isEqualTo(envelope).hasSameHashCodeAs(envelope);
        assertThat(other).isNotEqualTo(envelope);
        assertThat(new Registration("a", "d", "Ed25519", new byte[] {1}, 1))
                .isEqualTo(new Registration("a", "d", "Ed25519", new byte[] {1}, 1))
                .isNotEqualTo(new Registration("a", "d", "Ed25519", new byte[] {2}, 1));
        assertThat(new Prekey("a", PrekeyKind.SIGNED, 1, "X25519", new byte[] {1}))
                .isEqualTo(new Prekey("a", PrekeyKind.SIGNED, 1, "X25519", new byte[] {1}))
                .isNotEqualTo(new Prekey("a", PrekeyKind.ONE_TIME, 1, "X25519", new byte[] {1}));
        assertThat(new AuthChallengeResponse("a", "d", new byte[] {1}, 1))
                .isEqualTo(new AuthChallengeResponse("a", "d", new byte[] {1}, 1))
                .isNotEqualTo(new AuthChallengeResponse("a", "d", new byte[] {1}, 2));
    }

    @Test
    void printsLengthsInsteadOfBytes() {
        Envelope envelope = new Envelope(ID, "alice", "bob", CryptoMode.HYBRID, 5, new byte[] {0x41, 0x42, 0x43});

        assertThat(envelope.toString()).isEqualTo("Envelope[id=00112233-4455-6677-8899-aabbccddeeff, sender=alice, "
                + "recipient=bob, mode=hybrid, timestampMillis=5, ciphertext=3 bytes]");
        assertThat(new Registration("alice", "laptop", "Ed25519", new byte[44], 7).toString())
                .isEqualTo("Registration[username=alice, deviceId=laptop, identityAlgorithm=Ed25519, "
                        + "identityKey=44 bytes, timestampMillis=7]");
        assertThat(new Prekey("bob", PrekeyKind.LAST_RESORT, 2, "X-Wing", new byte[10]).toString())
                .isEqualTo("Prekey[username=bob, kind=last-resort, keyId=2, algorithm=X-Wing, publicKey=10 bytes]");
        assertThat(new AuthChallengeResponse("alice", "laptop", new byte[32], 9).toString())
                .isEqualTo("AuthChallengeResponse[username=alice, deviceId=laptop, nonce=32 bytes, issuedAtMillis=9]");
    }

    @Test
    void refusesMissingFields() {
        assertThatThrownBy(() -> new Envelope(ID, "alice", "bob", null, 5, new byte[0]))
                .isInstanceOf(NullPointerException.class).hasMessage("mode");
        assertThatThrownBy(() -> new Envelope(ID, "alice", "bob", CryptoMode.HYBRID, 5, null))
                .isInstanceOf(NullPointerException.class).hasMessage("ciphertext");
        assertThatThrownBy(() -> new Registration("alice", "laptop", "Ed25519", null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("identityKey");
    }

    @ParameterizedTest
    @CsvSource({"SIGNED, 1, signed", "LAST_RESORT, 2, last-resort", "ONE_TIME, 3, one-time"})
    void namesEachPrekeyKind(PrekeyKind kind, int code, String wireName) {
        assertThat(kind.code()).isEqualTo(code);
        assertThat(kind.wireName()).isEqualTo(wireName);
        assertThat(PrekeyKind.fromWireName(wireName)).isEqualTo(kind);
    }

    @Test
    void refusesAnUnknownPrekeyKind() {
        assertThatThrownBy(() -> PrekeyKind.fromWireName("LAST_RESORT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown prekey kind 'LAST_RESORT': expected signed, last-resort or one-time");
    }
}
