// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import static org.nanomessenger.web.rest.Fields.base64Url;
import static org.nanomessenger.web.rest.Fields.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nanomessenger.ejb.service.AccountService;
import org.nanomessenger.web.rest.dto.ProblemDetails;
import org.nanomessenger.web.rest.dto.RegistrationRequest;
import org.nanomessenger.web.rest.dto.RegistrationResponse;

/** Registration of usernames. */
@Path("/accounts")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class AccountResource {

    @Inject
    AccountService accounts;

    /**
     * Registers a username with a device and its identity key, first come first served.
     *
     * @return 201 with the normalised username and mode; 400, 409 or 422 with problem details
     */
    @POST
    @Operation(summary = "Register a username with a device's identity key (proof of possession)")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Malformed request, invalid username, key or signature")
    @APIResponse(responseCode = "409", description = "Username taken")
    @APIResponse(responseCode = "422", description = "Mode below the server's policy, or stale timestamp")
    public Response register(RegistrationRequest request) {
        RegistrationRequest body = required(request, "body");
        AccountService.Registered registered = accounts.register(required(body.username(), "username"),
                required(body.device(), "device"), base64Url(body.identityKey(), "identityKey"),
                required(body.timestamp(), "timestamp"), base64Url(body.signature(), "signature"));

        return Response.status(Response.Status.CREATED)
                .entity(new RegistrationResponse(registered.username(), registered.mode().wireName()))
                .build();
    }
}
