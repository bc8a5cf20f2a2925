// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.mapper;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.nanomessenger.ejb.api.Refusal;

/**
 * What JAX-RS itself refuses (no such path, wrong method or media type, a body that is not the JSON
 * expected) as problem details. The parser's message is not echoed: it can quote the input.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof NotFoundException) {
            return Problems.response(Refusal.NOT_FOUND, "No resource at this path", null);
        }
        if (exception instanceof NotAllowedException) {
            return Problems.response(Refusal.METHOD_NOT_ALLOWED, "This path does not take that method", null);
        }
        if (exception instanceof NotSupportedException) {
            return Problems.response(Refusal.UNSUPPORTED_MEDIA_TYPE, "Send application/json", null);
        }
        if (exception instanceof NotAcceptableException) {
            return Problems.response(Refusal.NOT_ACCEPTABLE, "This resource answers application/json", null);
        }
        int status = exception.getResponse().getStatus();
        if (status == Refusal.REQUEST_TOO_LARGE.status()) {
            return Problems.response(Refusal.REQUEST_TOO_LARGE, "The request body is too large", null);
        }
        return Problems.unreadableBody(uri.getPath(), exception);
    }
}
