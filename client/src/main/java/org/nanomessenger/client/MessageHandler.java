// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

/**
 * Receives what {@link NanoClient#listen} delivers. Called on one thread, one call at a time;
 * a message is stored in the local history before {@link #onMessage} is called.
 */
public interface MessageHandler {

    /** A message arrived, was verified, decrypted and stored. */
    void onMessage(ReceivedMessage message);

    /**
     * An envelope was refused and discarded: a bad signature, a replay, a mode below the minimum,
     * a blocked sender, or a ciphertext that does not decrypt.
     */
    default void onRejected(Rejection rejection) {
    }

    /**
     * The connection failed. The client reconnects by itself unless {@code fatal}, in which case
     * listening has stopped.
     */
    default void onError(NanoException error, boolean fatal) {
    }
}
