// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.api.event.SecurityEvent;
import org.nanomessenger.protocol.CryptoMode;

/**
 * Refuses requests the way every service does: the refusal is announced as a
 * {@link SecurityEvent.RequestRefused}, then thrown. Also holds the checks that several services
 * share (the mode policy, the clock skew).
 */
@ApplicationScoped
public class Refusals {

    @Inject
    ServerPolicy policy;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    Clock clock;

    /**
     * Announces a refusal and returns the exception to throw.
     *
     * @param username the caller or the name the request is about, if known
     */
    RefusedException refuse(String username, Refusal refusal, String detail) {
        events.fire(new SecurityEvent.RequestRefused(clock.instant(), username, refusal));
        return new RefusedException(refusal, detail);
    }

    /** Refuses keys or envelopes of a mode below the policy; {@code what} names them in the detail. */
    void requirePolicy(String username, CryptoMode mode, String what) {
        String shortfall = policy.shortfall(mode, what);
        if (shortfall != null) {
            throw refuse(username, Refusal.MODE_BELOW_POLICY, shortfall);
        }
    }

    /** Refuses a signed timestamp outside the clock skew. */
    void requireFresh(String username, long timestampMillis) {
        String staleness = policy.staleness(timestampMillis, clock.millis());
        if (staleness != null) {
            throw refuse(username, Refusal.TIMESTAMP_OUT_OF_WINDOW, staleness);
        }
    }
}
