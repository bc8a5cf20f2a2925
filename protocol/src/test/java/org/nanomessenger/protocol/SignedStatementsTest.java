// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The worked examples of the four signed statements. The expected hex is written out field by
 * field from the layout in each record's description, not produced by SigningInput; the same
 * examples are in vectors/signing-inputs.json.
 */
class SignedStatementsTest {

    private static final HexFormat HEX = HexFormat.of();
    /** 2026-01-01T00:00:00Z; 1767225600000 = 0x0000019b76daa800. */
    private static final long NEW_YEAR = 1767225600000L;
    /** RFC 8032 §7.1 test 1 public key, in a SubjectPublicKeyInfo (RFC 8410 §4). */
    private static final String ED25519_SPKI = "302a300506032b6570032100"
            + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    /** RFC 7748 §6.1 Alice's public key, in a SubjectPublicKeyInfo (RFC 8410 §4). */
    private static final String X25519_SPKI = "302a300506032b656e032100"
            + "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";

    @Test
    void encodesTheRegistrationExample() {
        Registration registration = new Registration("alice", "laptop", "Ed25519", HEX.parseHex(ED25519_SPKI),
                NEW_YEAR);

        assertThat(HEX.formatHex(registration.signingInput())).isEqualTo(""
                + "0000001a" + "6e616e6f2d6d657373656e6765722f76312f7265676973746572" // "nano-messenger/v1/register"
                + "00000005" + "616c696365"                                          // "alice"
                + "00000006" + "6c6170746f70"                                        // "laptop"
                + "00000007" + "45643235353139"                                      // "Ed25519"
                + "0000002c" + ED25519_SPKI                                          // 44-byte SPKI
                + "0000019b76daa800");                                               // 1767225600000
    }

    @Test
    void encodesTheAuthChallengeResponseExample() {
        byte[] nonce = new byte[32];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) i;
        }
        AuthChallengeResponse response = new AuthChallengeResponse("alice", "laptop", nonce, NEW_YEAR + 1500);

        assertThat(HEX.formatHex(response.signingInput())).isEqualTo(""
                + "00000016" + "6e616e6f2d6d657373656e6765722f76312f61757468"         // "nano-messenger/v1/auth"
                + "00000005" + "616c696365"                                          // "alice"
                + "00000006" + "6c6170746f70"                                        // "laptop"
                + "00000020" + "000102030405060708090a0b0c0d0e0f"                    // 32-byte nonce
                + "101112131415161718191a1b1c1d1e1f"
                + "0000019b76daaddc");                                               // 1767225601500
    }

    @Test
    void encodesThePrekeyExample() {
        Prekey prekey = new Prekey("bob", PrekeyKind.ONE_TIME, 258, "X25519", HEX.parseHex(X25519_SPKI));

        assertThat(HEX.formatHex(prekey.signingInput())).isEqualTo(""
                + "00000018" + "6e616e6f2d6d657373656e6765722f76312f7072656b6579"     // "nano-messenger/v1/prekey"
                + "00000003" + "626f62"                                              // "bob"
                + "03"                                                               // one-time
                + "0000000000000102"                                                 // key id 258
                + "00000006" + "583235353139"                                        // "X25519"
                + "0000002c" + X25519_SPKI);                                         // 44-byte SPKI
    }

    @Test
    void encodesTheEnvelopeExample() {
        Envelope envelope = new Envelope(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"), "alice", "bob",
                CryptoMode.HYBRID, NEW_YEAR, new byte[] {1, 2, 3});

        assertThat(HEX.formatHex(envelope.signingInput())).isEqualTo(""
                + "0000001a" + "6e616e6f2d6d657373656e6765722f76312f656e76656c6f7065" // "nano-messenger/v1/envelope"
                + "00000010" + "00112233445566778899aabbccddeeff"                    // the UUID's 16 bytes
                + "00000005" + "616c696365"                                          // "alice"
                + "00000003" + "626f62"                                              // "bob"
                + "00000006" + "687962726964"                                        // "hybrid"
                + "0000019b76daa800"                                                 // 1767225600000
                + "00000003" + "010203");                                            // ciphertext
    }

    @Test
    void encodesTheKindCodesOfEveryPrekeyKind() {
        // The kind byte follows the label (4 + 24 bytes) and "bob" (4 + 3 bytes)
        int kindOffset = 35;

        assertThat(kindByte(PrekeyKind.SIGNED, kindOffset)).isEqualTo((byte) 1);
        assertThat(kindByte(PrekeyKind.LAST_RESORT, kindOffset)).isEqualTo((byte) 2);
        assertThat(kindByte(PrekeyKind.ONE_TIME, kindOffset)).isEqualTo((byte) 3);
    }

    @Test
    void writesANegativeTimestampInTwosComplement() {
        Envelope envelope = new Envelope(new UUID(0, 0), "alice", "bob", CryptoMode.QUANTUM, -2, new byte[0]);
        byte[] input = envelope.signingInput();

        assertThat(HEX.formatHex(input, input.length - 12, input.length)).isEqualTo("fffffffffffffffe" + "00000000");
    }

    private static byte kindByte(PrekeyKind kind, int offset) {
        return new Prekey("bob", kind, 0, "X25519", new byte[] {7}).signingInput()[offset];
    }
}
