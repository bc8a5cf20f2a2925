// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

/**
 * A session message that cannot be opened: malformed, for an unknown session or prekey, already
 * read (its key is gone), too far ahead, or failing authentication. The session is unchanged.
 */
public class SessionException extends Exception {

    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
