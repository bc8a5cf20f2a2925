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

/** A published KEM prekey with the identity key's signature over it (see protocol's signing input). */
@Entity
@Table(name = "prekey")
@NamedQuery(name = StoredPrekey.OLDEST_OF_KIND, query = "SELECT p FROM StoredPrekey p "
        + "WHERE p.device = :device AND p.kind = :kind ORDER BY p.id")
@NamedQuery(name = StoredPrekey.COUNT_OF_KIND, query = "SELECT COUNT(p) FROM StoredPrekey p "
        + "WHERE p.device = :device AND p.kind = :kind")
@NamedQuery(name = StoredPrekey.DELETE_OF_KIND, query = "DELETE FROM StoredPrekey p "
        + "WHERE p.device = :device AND p.kind = :kind")
public class StoredPrekey {

    public static final String OLDEST_OF_KIND = "StoredPrekey.oldestOfKind";
    public static final String COUNT_OF_KIND = "StoredPrekey.countOfKind";
    public static final String DELETE_OF_KIND = "StoredPrekey.deleteOfKind";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id")
    private Device device;

    /** The kind's wire name: signed, last-resort or one-time. */
    @Column(nullable = false, length = 16)
    private String kind;

    @Column(name = "key_id", nullable = false)
    private long keyId;

    @Column(nullable = false, length = 64)
    private String algorithm;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(nullable = false)
    private byte[] signature;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredPrekey() {
    }

    public StoredPrekey(Device device, String kind, long keyId, String algorithm, byte[] publicKey, byte[] signature,
            Instant createdAt) {
        this.device = device;
        this.kind = kind;
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.publicKey = publicKey.clone();
        this.signature = signature.clone();
        this.createdAt = createdAt;
    }

    public String kind() {
        return kind;
    }

    public long keyId() {
        return keyId;
    }

    public String algorithm() {
        return algorithm;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }
}
