// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.mapper;

import java.util.UUID;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.web.logging.WebLogger;

/**
 * The last resort: a 500 with a correlation id that finds the logged stack trace. The exception's
 * message never reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable exception) {
        String correlationId = UUID.randomUUID().toString();
        WebLogger.LOG.unexpectedFailure(request.getMethod(), uri.getPath(), correlationId, exception);
        return Problems.response(Refusal.INTERNAL_ERROR, "The server failed; quote the correlation id to its "
                + "operator", correlationId);
    }
}
