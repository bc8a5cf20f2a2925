// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.websocket;

import org.nanomessenger.web.rest.dto.EnvelopeDto;
import org.nanomessenger.web.rest.dto.ProblemDetails;

/**
 * A text frame on {@code /api/v1/stream}, JSON. From the client: {@code auth} (first, with
 * {@code token}) and {@code ack} (with {@code id}). From the server: {@code ready} once
 * authenticated, {@code envelope} for each waiting or new envelope, {@code acked} once an ack is
 * done (with {@code id}), {@code error} with a problem before it closes the socket.
 *
 * @param type auth, ack, ready, envelope or error
 * @param token the bearer token, in auth
 * @param id the envelope id, in ack and acked
 * @param envelope the envelope, in envelope
 * @param problem what went wrong, in error
 */
public record StreamMessage(String type, String token, String id, EnvelopeDto envelope, ProblemDetails problem) {

    static StreamMessage ready() {
        return new StreamMessage("ready", null, null, null, null);
    }

    static StreamMessage envelope(EnvelopeDto envelope) {
        return new StreamMessage("envelope", null, null, envelope, null);
    }

    static StreamMessage acked(String id) {
        return new StreamMessage("acked", null, id, null, null);
    }

    static StreamMessage error(ProblemDetails problem) {
        return new StreamMessage("error", null, null, null, problem);
    }
}
