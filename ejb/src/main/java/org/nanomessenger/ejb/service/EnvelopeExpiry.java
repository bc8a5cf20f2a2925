// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

import org.nanomessenger.ejb.logging.EjbLogger;

/**
 * Deletes unacknowledged envelopes whose retention ({@code nano.envelope.retention-days}) ran out.
 * Non-persistent: in a cluster every node runs it, and deleting an envelope twice is harmless.
 */
@Singleton
public class EnvelopeExpiry {

    private static final int BATCH = 500;

    @EJB
    MessageService messages;

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "envelope expiry")
    void expire() {
        int expired = messages.expire(BATCH);
        if (expired > 0) {
            EjbLogger.LOG.envelopesExpired(expired);
        }
    }
}
