// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

/** A session message that does not follow the encoding of docs/protocol.md §9.5. */
public final class MessageFormatException extends SessionException {

    private static final long serialVersionUID = 1L;

    public MessageFormatException(String message) {
        super("Malformed session message: " + message);
    }
}
