// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.mapper;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.web.logging.WebLogger;

/** A body the JSON binding could not read: malformed JSON or fields of the wrong type. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        RefusedException refused = Problems.refusalCause(exception);
        if (refused != null) {
            return Problems.response(refused.refusal(), refused.getMessage(), null);
        }
        WebLogger.LOG.malformedRequest(uri.getPath(), exception.getClass().getSimpleName());
        return Problems.response(Refusal.MALFORMED_REQUEST, "The body is not the JSON this endpoint expects "
                + "(syntax, field types or structure)", null);
    }
}
