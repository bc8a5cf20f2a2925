// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.service.AccountService;
import org.nanomessenger.web.rest.dto.BlockedSenders;
import org.nanomessenger.web.rest.dto.ProblemDetails;

/** The senders the caller refuses to hear from. */
@Path("/blocks")
@RequestScoped
@Authenticated
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class BlockResource {

    @Inject
    AccountService accounts;

    @Inject
    CurrentCaller current;

    /**
     * Lists blocked senders.
     *
     * @return 200 with the list; 401 without a valid token
     */
    @GET
    @Operation(summary = "List blocked senders")
    @APIResponse(responseCode = "200", description = "The blocked senders")
    @APIResponse(responseCode = "401", description = "No valid token")
    public BlockedSenders list() {
        return new BlockedSenders(accounts.blocked(current.get()));
    }

    /**
     * Blocks a sender; blocking twice is harmless.
     *
     * @return 204; 400 for an invalid username; 401 without a valid token
     */
    @PUT
    @Path("/{username}")
    @Operation(summary = "Block a sender: their envelopes are refused")
    @APIResponse(responseCode = "204", description = "Blocked")
    @APIResponse(responseCode = "400", description = "Invalid username")
    @APIResponse(responseCode = "401", description = "No valid token")
    public void block(@PathParam("username") String username) {
        accounts.block(current.get(), username);
    }

    /**
     * Unblocks a sender.
     *
     * @return 204; 400 for an invalid username; 401 without a valid token; 404 if not blocked
     */
    @DELETE
    @Path("/{username}")
    @Operation(summary = "Unblock a sender")
    @APIResponse(responseCode = "204", description = "Unblocked")
    @APIResponse(responseCode = "400", description = "Invalid username")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "The sender was not blocked")
    public void unblock(@PathParam("username") String username) {
        if (!accounts.unblock(current.get(), username)) {
            throw new RefusedException(Refusal.NOT_FOUND, username + " is not blocked");
        }
    }
}
