// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.net.URI;

/**
 * The server refused a request with an RFC 9457 problem. Branch on {@link #slug()} (or
 * {@link #type()}): the type is stable, the wording of the detail is not. docs/protocol.md §6
 * lists every type.
 */
public final class ServerProblemException extends NanoException {

    private static final long serialVersionUID = 1L;

    /** The prefix of the server's problem types. */
    public static final String TYPE_PREFIX = "https://nanomessenger.org/problems/";

    private final URI type;
    private final int status;
    private final String title;
    private final String detail;

    public ServerProblemException(URI type, int status, String title, String detail) {
        super(status + " " + (detail == null || detail.isBlank() ? title : detail), null);
        this.type = type;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    /** The problem type URI, such as {@code https://nanomessenger.org/problems/unknown-user}. */
    public URI type() {
        return type;
    }

    /** The last segment of the type, such as {@code unknown-user}; the whole URI if it has another prefix. */
    public String slug() {
        String text = type.toString();
        return text.startsWith(TYPE_PREFIX) ? text.substring(TYPE_PREFIX.length()) : text;
    }

    /** The HTTP status, or 1008 for a refusal on the WebSocket stream. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The server's explanation of this occurrence, possibly null. */
    public String detail() {
        return detail;
    }
}
