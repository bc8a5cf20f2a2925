// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Instant;
import java.util.UUID;

import org.nanomessenger.protocol.CryptoMode;

/**
 * A message the server accepted.
 *
 * @param id the envelope id
 * @param recipient to whom
 * @param mode the crypto mode it was sealed in
 * @param sentAt the signed timestamp
 * @param acceptedAt when the server accepted it
 */
public record SentMessage(UUID id, String recipient, CryptoMode mode, Instant sentAt, Instant acceptedAt) {
}
