// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.net.URI;

/**
 * The stable kinds of refusal the protocol defines, as RFC 9457 problem types. The type URI and the
 * title of a constant never change once released: clients branch on the type URI. The HTTP status
 * is the web layer's choice, not part of the type.
 */
public enum Problem {

    /** A username that is not 3 to 32 of {@code a-z 0-9 _ -} after normalisation. */
    INVALID_USERNAME("invalid-username", "Invalid username"),
    /** A key that is malformed, of an unsupported algorithm, or of the wrong kind for its use. */
    INVALID_KEY("invalid-key", "Invalid key"),
    /** A signature that does not verify under the signer's identity key. */
    INVALID_SIGNATURE("invalid-signature", "Invalid signature"),
    /** Keys or an envelope in a crypto mode weaker than the server's policy accepts. */
    MODE_BELOW_POLICY("mode-below-policy", "Crypto mode below the server's policy"),
    /** Input that does not follow the wire format, such as bad base64url. */
    MALFORMED_INPUT("malformed-input", "Malformed input");

    /** The prefix of every problem type URI; the kebab-case name follows it. */
    public static final String TYPE_PREFIX = "https://nanomessenger.org/problems/";

    private final String slug;
    private final String title;

    Problem(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** The last segment of the type URI, such as {@code invalid-username}. */
    public String slug() {
        return slug;
    }

    /** The RFC 9457 {@code type}: {@value #TYPE_PREFIX} followed by {@link #slug()}. */
    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** The RFC 9457 {@code title}: a short summary that does not change between occurrences. */
    public String title() {
        return title;
    }
}
