// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanomessenger.protocol.CryptoMode;

/**
 * The operator's settings, from MicroProfile Config (system properties, environment variables such
 * as {@code NANO_POLICY_MINIMUM_MODE}, or the server's config sources). Read once per deployment.
 */
@ApplicationScoped
public class ServerPolicy {

    @Inject
    @ConfigProperty(name = "nano.policy.minimum-mode", defaultValue = "hybrid")
    String minimumModeName;

    @Inject
    @ConfigProperty(name = "nano.envelope.max-bytes", defaultValue = "65536")
    int maxEnvelopeBytes;

    @Inject
    @ConfigProperty(name = "nano.envelope.clock-skew-seconds", defaultValue = "300")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "nano.envelope.retention-days", defaultValue = "30")
    long retentionDays;

    @Inject
    @ConfigProperty(name = "nano.auth.token-lifetime-seconds", defaultValue = "3600")
    long tokenLifetimeSeconds;

    /** The weakest mode accepted; an unknown name in the configuration fails the deployment. */
    public CryptoMode minimumMode() {
        return CryptoMode.fromWireName(minimumModeName);
    }

    /** Every mode the policy accepts, weakest first. */
    public List<CryptoMode> acceptedModes() {
        CryptoMode minimum = minimumMode();
        return Arrays.stream(CryptoMode.values()).filter(m -> m.isAtLeast(minimum)).toList();
    }

    public int maxEnvelopeBytes() {
        return maxEnvelopeBytes;
    }

    /** How far a signed timestamp may be from the server's clock, either way. */
    public Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }

    /** How long an unacknowledged envelope is kept. */
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    public Duration tokenLifetime() {
        return Duration.ofSeconds(tokenLifetimeSeconds);
    }
}
