// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An accepted envelope waiting in its recipient's mailbox: the opaque ciphertext and the sender's
 * signature exactly as submitted, so that the recipient can check the signature itself.
 */
@Entity
@Table(name = "envelope")
@NamedQuery(name = StoredEnvelope.MAILBOX, query = "SELECT e FROM StoredEnvelope e "
        + "WHERE e.recipient = :recipient AND e.sequence > :after ORDER BY e.sequence")
@NamedQuery(name = StoredEnvelope.EXPIRED, query = "SELECT e FROM StoredEnvelope e WHERE e.expiresAt < :now")
public class StoredEnvelope {

    public static final String MAILBOX = "StoredEnvelope.mailbox";
    public static final String EXPIRED = "StoredEnvelope.expired";

    @Id
    private UUID id;

    /** Assigned by the database in acceptance order; the mailbox is listed in this order. */
    @Column(insertable = false, updatable = false)
    private Long sequence;

    @Column(nullable = false, length = 32)
    private String sender;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipient_id")
    private Account recipient;

    @Column(nullable = false, length = 16)
    private String mode;

    /** The sender's signed timestamp, milliseconds since the epoch. */
    @Column(name = "sent_at", nullable = false)
    private long sentAt;

    @Column(nullable = false)
    private byte[] ciphertext;

    @Column(nullable = false)
    private byte[] signature;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected StoredEnvelope() {
    }

    public StoredEnvelope(UUID id, String sender, Account recipient, String mode, long sentAt, byte[] ciphertext,
            byte[] signature, Instant acceptedAt, Instant expiresAt) {
        this.id = id;
        this.sender = sender;
        this.recipient = recipient;
        this.mode = mode;
        this.sentAt = sentAt;
        this.ciphertext = ciphertext.clone();
        this.signature = signature.clone();
        this.acceptedAt = acceptedAt;
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public long sequence() {
        return sequence;
    }

    public String sender() {
        return sender;
    }

    public Account recipient() {
        return recipient;
    }

    public String mode() {
        return mode;
    }

    public long sentAt() {
        return sentAt;
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
