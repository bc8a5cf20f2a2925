// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A device of an account, holding the identity public key (X.509 encoding) that signs for it. One
 * device per account for now; the model already allows more.
 */
@Entity
@Table(name = "device")
@NamedQuery(name = Device.BY_USERNAME, query = "SELECT d FROM Device d JOIN FETCH d.account "
        + "WHERE d.account.username = :username ORDER BY d.id")
public class Device {

    public static final String BY_USERNAME = "Device.byUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "device_name", nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 16)
    private String mode;

    @Column(name = "identity_algorithm", nullable = false, length = 64)
    private String identityAlgorithm;

    @Column(name = "identity_key", nullable = false)
    private byte[] identityKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Device() {
    }

    public Device(Account account, String name, String mode, String identityAlgorithm, byte[] identityKey,
            Instant createdAt) {
        this.account = account;
        this.name = name;
        this.mode = mode;
        this.identityAlgorithm = identityAlgorithm;
        this.identityKey = identityKey.clone();
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String name() {
        return name;
    }

    /** The crypto mode's wire name. */
    public String mode() {
        return mode;
    }

    public String identityAlgorithm() {
        return identityAlgorithm;
    }

    /** The identity public key's X.509 SubjectPublicKeyInfo encoding. */
    public byte[] identityKey() {
        return identityKey.clone();
    }
}
