// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A user: a unique, normalised username. Keys belong to the account's devices. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
public class Account {

    public static final String BY_USERNAME = "Account.byUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String username;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(String username, Instant createdAt) {
        this.username = username;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
