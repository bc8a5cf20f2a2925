// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.nanomessenger.ejb.entity.Device;
import org.nanomessenger.ejb.entity.StoredPrekey;

/** Published prekeys. Runs in the caller's transaction. */
@ApplicationScoped
public class PrekeyRepository {

    @PersistenceContext(unitName = "nano")
    EntityManager em;

    /** The oldest prekey of a kind, if any. */
    public Optional<StoredPrekey> findOldest(Device device, String kind) {
        return em.createNamedQuery(StoredPrekey.OLDEST_OF_KIND, StoredPrekey.class)
                .setParameter("device", device)
                .setParameter("kind", kind)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public long count(Device device, String kind) {
        return em.createNamedQuery(StoredPrekey.COUNT_OF_KIND, Long.class)
                .setParameter("device", device)
                .setParameter("kind", kind)
                .getSingleResult();
    }

    /** Removes every prekey of a kind, before a replacement is stored. */
    public void deleteAll(Device device, String kind) {
        em.createNamedQuery(StoredPrekey.DELETE_OF_KIND)
                .setParameter("device", device)
                .setParameter("kind", kind)
                .executeUpdate();
    }

    public void persist(StoredPrekey prekey) {
        em.persist(prekey);
    }

    /** Writes pending changes now, so that a constraint violation surfaces here. */
    public void flush() {
        em.flush();
    }

    public void remove(StoredPrekey prekey) {
        em.remove(prekey);
        em.flush();
    }
}
