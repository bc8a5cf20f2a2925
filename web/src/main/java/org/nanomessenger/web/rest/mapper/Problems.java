// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.mapper;

import jakarta.ws.rs.core.Response;

import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.web.logging.WebLogger;
import org.nanomessenger.web.rest.dto.ProblemDetails;

/** Builds {@code application/problem+json} responses. */
final class Problems {

    private Problems() {
    }

    /**
     * A refusal raised while the body was read (the size limit), which the JSON binding wraps in
     * its own exception; null if there is none.
     */
    static RefusedException refusalCause(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    /**
     * The answer to a body that could not be read: the refusal raised while reading it (the size
     * limit), else malformed-request. The parser's message is not echoed: it can quote the input.
     */
    static Response unreadableBody(String path, Throwable exception) {
        RefusedException refused = refusalCause(exception);
        if (refused != null) {
            return response(refused.refusal(), refused.getMessage(), null);
        }
        WebLogger.LOG.malformedRequest(path, exception.getClass().getSimpleName());
        return response(Refusal.MALFORMED_REQUEST, "The body is not the JSON this endpoint expects "
                + "(syntax, field types or structure)", null);
    }

    static Response response(Refusal refusal, String detail, String correlationId) {
        return Response.status(refusal.status())
                .type(ProblemDetails.MEDIA_TYPE)
                .entity(new ProblemDetails(refusal.type(), refusal.title(), refusal.status(), detail, correlationId))
                .build();
    }
}
