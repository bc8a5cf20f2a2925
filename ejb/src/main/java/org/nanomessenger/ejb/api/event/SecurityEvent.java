// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.api.event;

import java.time.Instant;
import java.util.UUID;

import org.nanomessenger.ejb.api.Refusal;

/**
 * The security-relevant actions the services announce as CDI events, for the audit log to record
 * without touching the services. They carry metadata only: never keys, tokens or ciphertext.
 * Observe one type, or {@code SecurityEvent} for all.
 */
public sealed interface SecurityEvent {

    /** When it happened, by the server's clock. */
    Instant at();

    /** A username was registered with its first device. */
    record AccountRegistered(Instant at, String username, String mode) implements SecurityEvent {
    }

    /** Prekeys were published: {@code count} keys of {@code kind}. */
    record KeysPublished(Instant at, String username, String kind, int count) implements SecurityEvent {
    }

    /** A key bundle was handed out; {@code oneTimeKeyId} is null when only the last-resort key was left. */
    record BundleFetched(Instant at, String requester, String owner, Long oneTimeKeyId) implements SecurityEvent {
    }

    /** A bearer token was issued after a signed challenge; {@code tokenId} names it, it is not the token. */
    record TokenIssued(Instant at, String username, String tokenId) implements SecurityEvent {
    }

    /** A bearer token was revoked by its holder. */
    record TokenRevoked(Instant at, String username, String tokenId) implements SecurityEvent {
    }

    /** An envelope was accepted into the recipient's mailbox. */
    record EnvelopeAccepted(Instant at, UUID id, String sender, String recipient, String mode, int size)
            implements SecurityEvent {
    }

    /** A request was refused; {@code username} is the caller if known, else null. */
    record RequestRefused(Instant at, String username, Refusal refusal) implements SecurityEvent {
    }

    /** An envelope was pushed to, or listed by, its recipient. */
    record EnvelopeDelivered(Instant at, UUID id, String recipient) implements SecurityEvent {
    }

    /** The recipient acknowledged an envelope, which was deleted. */
    record EnvelopeAcknowledged(Instant at, UUID id, String recipient) implements SecurityEvent {
    }

    /** An envelope was deleted unacknowledged when its retention ran out. */
    record EnvelopeExpired(Instant at, UUID id, String recipient) implements SecurityEvent {
    }
}
