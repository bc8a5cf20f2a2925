// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.nanomessenger.protocol.CryptoMode;

/**
 * A message received, verified and decrypted.
 *
 * @param id the envelope id
 * @param sender who sent it (their signature was checked)
 * @param text the plaintext
 * @param mode the crypto mode of the conversation it arrived in
 * @param sentAt the sender's signed timestamp
 * @param acceptedAt when the server accepted the envelope
 */
public record ReceivedMessage(UUID id, String sender, String text, CryptoMode mode, Instant sentAt,
        Instant acceptedAt) {

    public ReceivedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String toString() {
        // Never print the plaintext by accident
        return "ReceivedMessage[id=" + id + ", sender=" + sender + ", mode=" + mode.wireName() + "]";
    }
}
