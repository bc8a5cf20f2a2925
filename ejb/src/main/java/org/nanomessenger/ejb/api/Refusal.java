// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.api;

import org.nanomessenger.protocol.Problem;

/**
 * Every reason the server refuses a request, each with its own stable problem type
 * ({@code https://nanomessenger.org/problems/<slug>}, RFC 9457) and HTTP status. docs/protocol.md
 * lists them; clients map them to typed errors.
 */
public enum Refusal {

    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    INVALID_USERNAME("invalid-username", 400, "Invalid username"),
    INVALID_KEY("invalid-key", 400, "Invalid key"),
    INVALID_SIGNATURE("invalid-signature", 400, "Invalid signature"),
    MODE_BELOW_POLICY("mode-below-policy", 422, "Crypto mode below the server's policy"),
    MODE_MISMATCH("mode-mismatch", 422, "Key of another crypto mode than the account's"),
    TIMESTAMP_OUT_OF_WINDOW("timestamp-out-of-window", 422, "Timestamp too far from the server's clock"),
    USERNAME_TAKEN("username-taken", 409, "Username already registered"),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    CHALLENGE_INVALID("challenge-invalid", 401, "Unknown, used or expired challenge"),
    NOT_SENDER("not-sender", 403, "Envelope sender is not the authenticated user"),
    BLOCKED("blocked", 403, "The recipient does not accept messages from this sender"),
    UNKNOWN_USER("unknown-user", 404, "No such user"),
    UNKNOWN_RECIPIENT("unknown-recipient", 404, "No such recipient"),
    NO_PREKEYS("no-prekeys", 404, "The user has not published prekeys"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    REPLAYED_ENVELOPE("replayed-envelope", 409, "Envelope id already seen"),
    ENVELOPE_TOO_LARGE("envelope-too-large", 413, "Envelope larger than the server accepts"),
    REQUEST_TOO_LARGE("request-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    TOO_MANY_PREKEYS("too-many-prekeys", 422, "Too many one-time prekeys in one request"),
    INTERNAL_ERROR("internal-error", 500, "Internal server error");

    private final String slug;
    private final int status;
    private final String title;

    Refusal(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The RFC 9457 {@code type} URI. */
    public String type() {
        return Problem.TYPE_PREFIX + slug;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The refusal for a protocol-level problem found in a request. */
    public static Refusal of(Problem problem) {
        return switch (problem) {
            case INVALID_USERNAME -> INVALID_USERNAME;
            case INVALID_KEY -> INVALID_KEY;
            case INVALID_SIGNATURE -> INVALID_SIGNATURE;
            case MODE_BELOW_POLICY -> MODE_BELOW_POLICY;
            case MALFORMED_INPUT -> MALFORMED_REQUEST;
        };
    }
}
