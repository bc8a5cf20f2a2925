// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * An end-to-end encrypted envelope, as submitted and as delivered.
 *
 * @param id a UUID the sender chooses, never reused
 * @param sender the sender's username
 * @param recipient the recipient's username
 * @param mode the crypto mode of the content: classical, hybrid or quantum
 * @param timestamp the sender's clock, milliseconds since the epoch
 * @param ciphertext the opaque content, base64url
 * @param signature the sender's identity signature over the envelope signing input, base64url
 * @param acceptedAt when the server accepted it, milliseconds since the epoch; null on submission
 */
public record EnvelopeDto(String id, String sender, String recipient, String mode, Long timestamp,
        String ciphertext, String signature, Long acceptedAt) {
}
