// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.nanomessenger.ejb.entity.Account;
import org.nanomessenger.ejb.entity.StoredEnvelope;

/** Envelopes waiting in mailboxes. Runs in the caller's transaction. */
@ApplicationScoped
public class EnvelopeRepository {

    @PersistenceContext(unitName = "nano")
    EntityManager em;

    public Optional<StoredEnvelope> find(UUID id) {
        return Optional.ofNullable(em.find(StoredEnvelope.class, id));
    }

    /** The recipient's envelopes after a sequence number, in acceptance order, at most {@code limit}. */
    public List<StoredEnvelope> findMailbox(Account recipient, long afterSequence, int limit) {
        return em.createNamedQuery(StoredEnvelope.MAILBOX, StoredEnvelope.class)
                .setParameter("recipient", recipient)
                .setParameter("after", afterSequence)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Envelopes whose retention ended before {@code now}, at most {@code limit}. */
    public List<StoredEnvelope> findExpired(Instant now, int limit) {
        return em.createNamedQuery(StoredEnvelope.EXPIRED, StoredEnvelope.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    public void persist(StoredEnvelope envelope) {
        em.persist(envelope);
        em.flush();
    }

    public void remove(StoredEnvelope envelope) {
        em.remove(envelope);
    }
}
