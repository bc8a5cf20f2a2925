// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.mapper;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;


/** A body the JSON binding could not read: malformed JSON or fields of the wrong type. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        return Problems.unreadableBody(uri.getPath(), exception);
    }
}
