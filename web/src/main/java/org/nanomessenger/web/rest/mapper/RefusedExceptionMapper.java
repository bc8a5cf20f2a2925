// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.mapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.nanomessenger.ejb.api.RefusedException;

/** A refusal from a service: its own problem type and status. */
@Provider
public class RefusedExceptionMapper implements ExceptionMapper<RefusedException> {

    @Override
    public Response toResponse(RefusedException exception) {
        return Problems.response(exception.refusal(), exception.getMessage(), null);
    }
}
