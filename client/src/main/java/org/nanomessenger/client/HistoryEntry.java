// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Instant;
import java.util.UUID;

import org.nanomessenger.protocol.CryptoMode;

/**
 * A message in the local history, kept encrypted in the state directory.
 *
 * @param id the envelope id
 * @param direction whether it was received or sent
 * @param peer the other party
 * @param text the plaintext
 * @param mode the crypto mode it travelled in
 * @param at when it was sent (the signed timestamp)
 */
public record HistoryEntry(UUID id, Direction direction, String peer, String text, CryptoMode mode, Instant at) {

    /** Which way a message went. */
    public enum Direction {
        RECEIVED, SENT
    }

    @Override
    public String toString() {
        return "HistoryEntry[id=" + id + ", direction=" + direction + ", peer=" + peer + "]";
    }
}
