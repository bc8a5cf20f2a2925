// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import static org.nanomessenger.web.rest.Fields.base64Url;
import static org.nanomessenger.web.rest.Fields.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nanomessenger.ejb.service.AuthService;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.web.rest.dto.ChallengeRequest;
import org.nanomessenger.web.rest.dto.ChallengeResponse;
import org.nanomessenger.web.rest.dto.ProblemDetails;
import org.nanomessenger.web.rest.dto.TokenRequest;
import org.nanomessenger.web.rest.dto.TokenResponse;

/** Sign-in by signing a challenge with the identity key; sign-out by revoking the token. */
@Path("/auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    CurrentCaller current;

    /**
     * Issues a challenge.
     *
     * @return 200 with the nonce; 400 for an invalid username
     */
    @POST
    @Path("/challenge")
    @Operation(summary = "Get a challenge to sign with the identity key")
    @APIResponse(responseCode = "200", description = "The challenge")
    @APIResponse(responseCode = "400", description = "Malformed request or invalid username")
    public ChallengeResponse challenge(ChallengeRequest request) {
        AuthService.Challenge challenge = auth.challenge(required(required(request, "body").username(),
                "username"));
        return new ChallengeResponse(Base64Url.encode(challenge.nonce()), challenge.issuedAtMillis(),
                challenge.expiresInSeconds());
    }

    /**
     * Exchanges a signed challenge for a bearer token.
     *
     * @return 200 with the token; 400 for a bad signature; 401 for an unknown challenge; 404 for an
     *         unknown user
     */
    @POST
    @Path("/token")
    @Operation(summary = "Exchange a signed challenge for a bearer token")
    @APIResponse(responseCode = "200", description = "The token")
    @APIResponse(responseCode = "400", description = "Malformed request or invalid signature")
    @APIResponse(responseCode = "401", description = "Unknown, used or expired challenge")
    @APIResponse(responseCode = "404", description = "Unknown user or device")
    public TokenResponse token(TokenRequest request) {
        TokenRequest body = required(request, "body");
        AuthService.Token token = auth.issueToken(required(body.username(), "username"),
                required(body.device(), "device"), base64Url(body.nonce(), "nonce"),
                base64Url(body.signature(), "signature"));
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds());
    }

    /**
     * Revokes the bearer token of this request.
     *
     * @return 204; 401 without a valid token
     */
    @DELETE
    @Path("/token")
    @Authenticated
    @Operation(summary = "Revoke the bearer token used for this request")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "No valid token")
    public void revoke() {
        auth.revoke(current.token());
    }
}
