// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nanomessenger.ejb.service.KeyDirectoryService;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.web.rest.dto.BundleResponse;
import org.nanomessenger.web.rest.dto.IdentityResponse;
import org.nanomessenger.web.rest.dto.ProblemDetails;

/** Other users, as a sender or a recipient sees them: their key bundles and identity keys. */
@Path("/users")
@RequestScoped
@Authenticated
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class UserResource {

    @Inject
    KeyDirectoryService directory;

    @Inject
    CurrentCaller current;

    /**
     * Fetches a user's key bundle, taking one of their one-time prekeys.
     *
     * @return 200 with the bundle; 400, 401 or 404 with problem details
     */
    @GET
    @Path("/{username}/bundle")
    @Operation(summary = "Fetch a user's key bundle; hands out one one-time prekey at most once")
    @APIResponse(responseCode = "200", description = "The bundle")
    @APIResponse(responseCode = "400", description = "Invalid username")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Unknown user, or no prekeys published")
    public BundleResponse bundle(@PathParam("username") String username) {
        KeyDirectoryService.Bundle bundle = directory.fetchBundle(current.get(), username);
        return new BundleResponse(bundle.username(), bundle.device(), bundle.mode().wireName(),
                bundle.identityAlgorithm(), Base64Url.encode(bundle.identityKey()), Dtos.prekey(bundle.signed()),
                Dtos.prekey(bundle.lastResort()), Dtos.prekey(bundle.oneTime()));
    }

    /**
     * Fetches a user's identity key alone; unlike the bundle it consumes nothing.
     *
     * @return 200 with the identity key; 400, 401 or 404 with problem details
     */
    @GET
    @Path("/{username}/identity")
    @Operation(summary = "Fetch a user's identity key, without taking a one-time prekey")
    @APIResponse(responseCode = "200", description = "The identity key")
    @APIResponse(responseCode = "400", description = "Invalid username")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Unknown user")
    public IdentityResponse identity(@PathParam("username") String username) {
        KeyDirectoryService.Identity identity = directory.fetchIdentity(username);
        return new IdentityResponse(identity.username(), identity.device(), identity.mode().wireName(),
                identity.identityAlgorithm(), Base64Url.encode(identity.identityKey()));
    }
}
