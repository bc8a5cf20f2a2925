// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Instant;

/**
 * The state of this client's prekeys.
 *
 * @param oneTimeOnServer one-time prekeys the server still holds for senders
 * @param oneTimeHeld one-time private keys this client holds (used ones are deleted)
 * @param signedPrekeyId the id of the current signed prekey
 * @param signedPrekeyCreated when it was made
 * @param lastResortPrekeyId the id of the last-resort prekey
 */
public record KeyStatus(int oneTimeOnServer, int oneTimeHeld, long signedPrekeyId, Instant signedPrekeyCreated,
        long lastResortPrekeyId) {
}
