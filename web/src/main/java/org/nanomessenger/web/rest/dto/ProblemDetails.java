// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An RFC 9457 problem details body, served as {@code application/problem+json}. {@code type} is
 * stable and names the refusal; {@code detail} is for people and may change.
 *
 * @param type a URI that identifies the kind of problem
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 * @param correlationId set on unexpected failures, to find the server's log entry; otherwise null
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "correlationId"})
public record ProblemDetails(String type, String title, int status, String detail, String correlationId) {

    /** The media type of problem details (RFC 9457 §3). */
    public static final String MEDIA_TYPE = "application/problem+json";
}
