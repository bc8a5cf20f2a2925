// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.nanomessenger.ejb.api.Caller;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.service.AuthService;

/** Admits a request to an {@link Authenticated} resource only with a live bearer token. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    AuthService auth;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new RefusedException(Refusal.UNAUTHENTICATED, "Send Authorization: Bearer <token>; get a token "
                    + "from POST /api/v1/auth/token");
        }
        String token = header.substring(SCHEME.length()).trim();
        Caller caller = auth.authenticate(token).orElseThrow(() -> new RefusedException(
                Refusal.UNAUTHENTICATED, "The token is unknown, expired or revoked"));
        current.set(caller, token);
    }
}
