// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import static org.nanomessenger.web.rest.Fields.required;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nanomessenger.ejb.service.KeyDirectoryService;
import org.nanomessenger.ejb.service.KeyDirectoryService.PublishedPrekey;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.web.rest.dto.OneTimePrekeys;
import org.nanomessenger.web.rest.dto.PrekeyCount;
import org.nanomessenger.web.rest.dto.PrekeyDto;
import org.nanomessenger.web.rest.dto.ProblemDetails;

/** The caller's side of the key directory: publish prekeys and watch how many are left. */
@Path("/keys")
@RequestScoped
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class KeyResource {

    @Inject
    KeyDirectoryService directory;

    @Inject
    CurrentCaller current;

    /**
     * Replaces the signed prekey.
     *
     * @return 204; 400, 401 or 422 with problem details
     */
    @PUT
    @Path("/signed")
    @Operation(summary = "Replace the signed prekey")
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "400", description = "Malformed request, invalid key or signature")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "422", description = "A key of another mode than the account's")
    public void putSigned(PrekeyDto prekey) {
        directory.replace(current.get(), PrekeyKind.SIGNED, Dtos.prekey(prekey, "body"));
    }

    /**
     * Replaces the last-resort prekey.
     *
     * @return 204; 400, 401 or 422 with problem details
     */
    @PUT
    @Path("/last-resort")
    @Operation(summary = "Replace the last-resort prekey, handed out when no one-time prekey is left")
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "400", description = "Malformed request, invalid key or signature")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "422", description = "A key of another mode than the account's")
    public void putLastResort(PrekeyDto prekey) {
        directory.replace(current.get(), PrekeyKind.LAST_RESORT, Dtos.prekey(prekey, "body"));
    }

    /**
     * Adds one-time prekeys.
     *
     * @return 200 with how many are now stored; 400, 401 or 422 with problem details
     */
    @POST
    @Path("/one-time")
    @Operation(summary = "Add 1 to 100 one-time prekeys")
    @APIResponse(responseCode = "200", description = "How many one-time prekeys are now stored")
    @APIResponse(responseCode = "400", description = "Malformed request, invalid key or signature")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "422", description = "Too many keys, or a key of another mode")
    public PrekeyCount addOneTime(OneTimePrekeys body) {
        List<PrekeyDto> dtos = required(required(body, "body").prekeys(), "prekeys");
        List<PublishedPrekey> batch = dtos.stream().map(dto -> Dtos.prekey(dto, "prekeys[]")).toList();
        return new PrekeyCount(directory.addOneTime(current.get(), batch));
    }

    /**
     * Counts the caller's one-time prekeys, so that the client can replenish them in time.
     *
     * @return 200 with the count; 401 without a valid token
     */
    @GET
    @Path("/one-time/count")
    @Operation(summary = "How many one-time prekeys are left")
    @APIResponse(responseCode = "200", description = "The count")
    @APIResponse(responseCode = "401", description = "No valid token")
    public PrekeyCount oneTimeCount() {
        return new PrekeyCount(directory.oneTimeCount(current.get()));
    }
}
