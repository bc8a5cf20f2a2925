// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.nanomessenger.ejb.logging.EjbLogger;
import org.nanomessenger.protocol.CryptoMode;

/**
 * The operator's settings, from MicroProfile Config: system properties (which jboss-cli can change
 * on a running server), environment variables such as {@code NANO_POLICY_MINIMUM_MODE}, or other
 * config sources. Read on every use, so a change applies to the next request.
 */
@ApplicationScoped
public class ServerPolicy {

    @Inject
    Config config;

    /**
     * The weakest mode accepted ({@code nano.policy.minimum-mode}, default {@code hybrid}). A value
     * that names no mode fails closed: the server then accepts {@code quantum} only, and says so in
     * its log, rather than guess and accept weaker keys than the operator meant.
     */
    public CryptoMode minimumMode() {
        String configured = config.getOptionalValue("nano.policy.minimum-mode", String.class)
                .orElse(CryptoMode.HYBRID.wireName());
        try {
            return CryptoMode.fromWireName(configured);
        } catch (IllegalArgumentException e) {
            EjbLogger.LOG.unknownPolicy(configured);
            return CryptoMode.QUANTUM;
        }
    }

    /** Every mode the policy accepts, weakest first. */
    public List<CryptoMode> acceptedModes() {
        CryptoMode minimum = minimumMode();
        return Arrays.stream(CryptoMode.values()).filter(m -> m.isAtLeast(minimum)).toList();
    }

    /**
     * Why a signed timestamp is refused, or null when it is within {@link #clockSkew()} of
     * {@code nowMillis}.
     */
    public String staleness(long timestampMillis, long nowMillis) {
        long skewMillis = clockSkew().toMillis();
        // Compared as bounds, not as |now - timestamp|, which overflows for extreme timestamps
        if (timestampMillis >= nowMillis - skewMillis && timestampMillis <= nowMillis + skewMillis) {
            return null;
        }
        return "The timestamp is outside " + clockSkew().toSeconds() + " s of the server's clock";
    }

    /** Why {@code mode} is refused, or null when it meets the policy. */
    public String shortfall(CryptoMode mode, String what) {
        CryptoMode minimum = minimumMode();
        if (mode.isAtLeast(minimum)) {
            return null;
        }
        return "This server accepts " + minimum.wireName() + " or stronger; the " + what + " is " + mode.wireName();
    }

    /** The largest ciphertext accepted ({@code nano.envelope.max-bytes}, default 64 KiB). */
    public int maxEnvelopeBytes() {
        return config.getOptionalValue("nano.envelope.max-bytes", Integer.class).orElse(64 * 1024);
    }

    /**
     * How far a signed timestamp may be from the server's clock, either way
     * ({@code nano.envelope.clock-skew-seconds}, default 300).
     */
    public Duration clockSkew() {
        return Duration.ofSeconds(config.getOptionalValue("nano.envelope.clock-skew-seconds", Long.class)
                .orElse(300L));
    }

    /** How long an unacknowledged envelope is kept ({@code nano.envelope.retention-days}, default 30). */
    public Duration retention() {
        return Duration.ofDays(config.getOptionalValue("nano.envelope.retention-days", Long.class).orElse(30L));
    }

    /** How long a bearer token lives ({@code nano.auth.token-lifetime-seconds}, default 3600). */
    public Duration tokenLifetime() {
        return Duration.ofSeconds(config.getOptionalValue("nano.auth.token-lifetime-seconds", Long.class)
                .orElse(3600L));
    }
}
