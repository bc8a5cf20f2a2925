// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.nanomessenger.crypto.provider.NanoPQProvider;
import org.nanomessenger.crypto.provider.SelfTest;

/**
 * Ready only while every NanoPQ known-answer self-test passes: a server whose cryptography gives
 * wrong answers must not take traffic.
 */
@Readiness
@ApplicationScoped
public class CryptoSelfTestCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        SelfTest.Result result = NanoPQProvider.selfTest();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("nanopq-self-test").status(result.passed());
        result.failures().forEach((family, failure) -> response.withData(family.name(), failure));
        return response.build();
    }
}
