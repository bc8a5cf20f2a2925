// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

/**
 * The domain-separation labels that open every signing input, one per kind of signed statement. A
 * signature over one kind of statement can never verify as another, because the labels differ.
 * The {@code v1} segment changes if a statement's layout ever changes.
 */
public final class Labels {

    /** Opens a {@link Registration}: a new device binds its identity key to a username. */
    public static final String REGISTER = "nano-messenger/v1/register";
    /** Opens an {@link AuthChallengeResponse}: a device proves it holds its identity key. */
    public static final String AUTH = "nano-messenger/v1/auth";
    /** Opens a {@link Prekey}: a user vouches for a KEM public key with their identity key. */
    public static final String PREKEY = "nano-messenger/v1/prekey";
    /** Opens an {@link Envelope}: a sender signs an encrypted message for a recipient. */
    public static final String ENVELOPE = "nano-messenger/v1/envelope";

    private Labels() {
    }
}
