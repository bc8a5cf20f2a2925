// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.util.UUID;

import org.nanomessenger.protocol.CryptoMode;

/**
 * The envelope fields a session message is bound to: its payload's associated data covers them
 * with the header, so a ciphertext cannot be replayed under another id, sender, recipient, mode
 * or time.
 */
public record EnvelopeContext(UUID id, String sender, String recipient, CryptoMode mode, long timestampMillis) {

    /** The AES-GCM associated data: these fields and the session header (docs/protocol.md §9.6). */
    byte[] associatedData(byte[] header) {
        byte[] uuid = new Wire.Writer().int64(id.getMostSignificantBits()).int64(id.getLeastSignificantBits())
                .toByteArray();
        return Wire.Writer.label(SessionLabels.MESSAGE).bytes(uuid).string(sender).string(recipient)
                .string(mode.wireName()).int64(timestampMillis).bytes(header).toByteArray();
    }
}
