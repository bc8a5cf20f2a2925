// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

/**
 * The client refused to go on because a security check failed: a contact's identity key changed,
 * their keys are of a mode below the allowed minimum, what the server handed out is not signed
 * by the key it should be, or their keys cannot be used. Nothing was sent.
 */
public final class SecurityCheckException extends NanoException {

    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Check {
        /** The server's identity key for a contact differs from the one pinned at first contact. */
        IDENTITY_CHANGED,
        /** The conversation would use a mode below the server's policy or the user's minimum. */
        MODE_BELOW_MINIMUM,
        /** A prekey's signature does not verify with the owner's identity key. */
        BAD_PREKEY_SIGNATURE,
        /** The contact's keys cannot be used: a KEM key the provider refuses, for instance. */
        UNUSABLE_KEYS
    }

    private final Check check;

    public SecurityCheckException(Check check, String message) {
        super(message, null);
        this.check = check;
    }

    public Check check() {
        return check;
    }
}
