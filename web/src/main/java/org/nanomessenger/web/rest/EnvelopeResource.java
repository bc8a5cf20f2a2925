// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import static org.nanomessenger.web.rest.Fields.base64Url;
import static org.nanomessenger.web.rest.Fields.required;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.service.MessageService;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.web.rest.dto.EnvelopeDto;
import org.nanomessenger.web.rest.dto.ProblemDetails;
import org.nanomessenger.web.rest.dto.SubmitResponse;

/** Sending envelopes, and the caller's mailbox. */
@Path("/envelopes")
@RequestScoped
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class EnvelopeResource {

    @Inject
    MessageService messages;

    @Inject
    CurrentCaller current;

    /**
     * Submits an envelope signed by the caller.
     *
     * @return 201 when stored for the recipient; 400, 401, 403, 404, 409, 413 or 422 with problem details
     */
    @POST
    @Operation(summary = "Send an envelope; the server checks the sender's signature and its policy")
    @APIResponse(responseCode = "201", description = "Accepted into the recipient's mailbox")
    @APIResponse(responseCode = "400", description = "Malformed envelope or invalid signature")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not the caller's envelope, or the recipient blocks the sender")
    @APIResponse(responseCode = "404", description = "Unknown recipient")
    @APIResponse(responseCode = "409", description = "Envelope id already seen")
    @APIResponse(responseCode = "413", description = "Ciphertext over the size limit")
    @APIResponse(responseCode = "422", description = "Mode below policy, or timestamp outside the window")
    public Response submit(EnvelopeDto body) {
        EnvelopeDto dto = required(body, "body");
        Envelope envelope = Dtos.envelope(dto);
        Instant accepted = messages.submit(current.get(), envelope, base64Url(dto.signature(), "signature"));

        return Response.status(Response.Status.CREATED)
                .entity(new SubmitResponse(envelope.id().toString(), accepted.toEpochMilli()))
                .build();
    }

    /**
     * Lists the caller's waiting envelopes, oldest first, at most 100; acknowledge to remove them.
     *
     * @return 200 with the envelopes; 401 without a valid token
     */
    @GET
    @Operation(summary = "List waiting envelopes, oldest first (at most 100)")
    @APIResponse(responseCode = "200", description = "The envelopes")
    @APIResponse(responseCode = "401", description = "No valid token")
    public List<EnvelopeDto> mailbox() {
        return messages.mailbox(current.get()).stream().map(Dtos::envelope).toList();
    }

    /**
     * Acknowledges (deletes) a received envelope.
     *
     * @return 204; 401 without a valid token; 404 if the caller has no such envelope
     */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Acknowledge a received envelope, deleting it from the server")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such envelope in the caller's mailbox")
    public void acknowledge(@PathParam("id") String id) {
        if (!messages.acknowledge(current.get(), Fields.uuid(id, "id"))) {
            throw new RefusedException(Refusal.NOT_FOUND, "No envelope " + id + " waits for you");
        }
    }
}
