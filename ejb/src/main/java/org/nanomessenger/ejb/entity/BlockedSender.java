// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A sender that an account refuses to hear from. */
@Entity
@Table(name = "blocked_sender")
@IdClass(BlockedSender.Key.class)
@NamedQuery(name = BlockedSender.OF_ACCOUNT, query = "SELECT b.sender FROM BlockedSender b "
        + "WHERE b.accountId = :accountId ORDER BY b.sender")
public class BlockedSender {

    public static final String OF_ACCOUNT = "BlockedSender.ofAccount";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(length = 32)
    private String sender;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BlockedSender() {
    }

    public BlockedSender(Long accountId, String sender, Instant createdAt) {
        this.accountId = accountId;
        this.sender = sender;
        this.createdAt = createdAt;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long accountId;
        private String sender;

        protected Key() {
        }

        public Key(Long accountId, String sender) {
            this.accountId = accountId;
            this.sender = sender;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId)
                    && Objects.equals(sender, key.sender);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, sender);
        }
    }
}
