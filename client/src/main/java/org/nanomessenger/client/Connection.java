// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.nanomessenger.client.transport.ServerApi;
import org.nanomessenger.protocol.AuthChallengeResponse;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.ProtocolException;

/**
 * The client's authenticated access to its server: signs in with the identity key
 * (docs/protocol.md §3.5, §3.6) when it needs a token, and once more when the server no longer
 * knows the token it has. The token lives in memory only.
 */
final class Connection {

    /** A call that needs a bearer token. */
    @FunctionalInterface
    interface Call {
        JsonNode with(String token) throws NanoException;
    }

    private final ServerApi api;
    private final Identity identity;
    private volatile String token;

    Connection(ServerApi api, Identity identity) {
        this.api = api;
        this.identity = identity;
    }

    ServerApi api() {
        return api;
    }

    /** Makes {@code call} with a token; signs in again once if the server answers unauthenticated. */
    JsonNode authorized(Call call) throws NanoException {
        String current = token();
        try {
            return call.with(current);
        } catch (ServerProblemException e) {
            if (!"unauthenticated".equals(e.slug())) {
                throw e;
            }
            tokenRefused(current);
            return call.with(token());
        }
    }

    /** The bearer token, signing in when there is none. */
    String token() throws NanoException {
        String current = token;
        return current != null ? current : signIn();
    }

    /** Forgets a token the server refused, so that the next call signs in again. */
    void tokenRefused(String refused) {
        if (Objects.equals(token, refused)) {
            token = null;
        }
    }

    /** Acknowledges (deletes) a received envelope; one already acknowledged counts as done (§3.14). */
    void acknowledge(String id) throws NanoException {
        try {
            authorized(token -> api.delete("/envelopes/" + ServerApi.segment(id), token));
        } catch (ServerProblemException e) {
            if (!"not-found".equals(e.slug())) {
                throw e;
            }
        }
    }

    /** Revokes the token, if there is one; a failure is harmless, since tokens expire. */
    void signOut() {
        String current = token;
        token = null;
        if (current != null) {
            try {
                api.delete("/auth/token", current);
            } catch (NanoException e) {
                // The token expires by itself
            }
        }
    }

    private String signIn() throws NanoException {
        JsonNode challenge = api.post("/auth/challenge", null, ServerApi.object().put("username", identity.username()));
        byte[] nonce = decode(challenge.path("nonce").asText());
        byte[] input = new AuthChallengeResponse(identity.username(), identity.device(), nonce,
                challenge.path("issuedAt").asLong()).signingInput();

        JsonNode answer = api.post("/auth/token", null, ServerApi.object().put("username", identity.username())
                .put("device", identity.device()).put("nonce", Base64Url.encode(nonce))
                .put("signature", Base64Url.encode(identity.sign(input))));
        token = answer.path("token").asText();
        return token;
    }

    /** Decodes base64url from the server; bad encoding is the server's fault. */
    static byte[] decode(String base64Url) throws ServerProblemException {
        try {
            return Base64Url.decode(base64Url);
        } catch (ProtocolException e) {
            throw ServerApi.badAnswer("sent bad base64url: " + e.getMessage());
        }
    }
}
