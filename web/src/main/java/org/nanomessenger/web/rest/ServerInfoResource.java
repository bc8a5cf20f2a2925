// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nanomessenger.ejb.service.ServerPolicy;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.web.rest.dto.ServerInfo;

/** The server's policy and limits, for clients to read before they register. */
@Path("/server")
@RequestScoped
public class ServerInfoResource {

    @Inject
    ServerPolicy policy;

    /**
     * Answers the policy.
     *
     * @return 200 with the {@link ServerInfo}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The crypto mode policy and the limits of this server")
    @APIResponse(responseCode = "200", description = "The policy")
    public ServerInfo info() {
        return new ServerInfo(policy.minimumMode().wireName(),
                policy.acceptedModes().stream().map(CryptoMode::wireName).toList(),
                policy.maxEnvelopeBytes(), policy.clockSkew().toSeconds());
    }
}
