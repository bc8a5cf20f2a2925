// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanomessenger.ejb.logging.EjbLogger;

/**
 * Deletes unacknowledged envelopes whose retention ({@code nano.envelope.retention-days}) ran out,
 * every {@code nano.envelope.expiry-interval-seconds} (default 300). Non-persistent: in a cluster
 * every node runs it, and deleting an envelope twice is harmless.
 */
@Singleton
@Startup
public class EnvelopeExpiry {

    private static final int BATCH = 500;

    @Resource
    TimerService timers;

    @EJB
    MessageService messages;

    @Inject
    @ConfigProperty(name = "nano.envelope.expiry-interval-seconds", defaultValue = "300")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig("envelope expiry", false));
    }

    @Timeout
    void expire() {
        int expired = messages.expire(BATCH);
        if (expired > 0) {
            EjbLogger.LOG.envelopesExpired(expired);
        }
    }
}
