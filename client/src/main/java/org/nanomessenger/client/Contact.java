// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Instant;

import org.nanomessenger.protocol.CryptoMode;

/**
 * Someone this client has talked to, with the identity key it pinned at first contact.
 *
 * @param username their username
 * @param mode the mode of their identity key
 * @param firstSeen when their identity key was pinned
 * @param verified whether the user confirmed the safety number out of band
 * @param blocked whether their messages are blocked (on the server and here)
 */
public record Contact(String username, CryptoMode mode, Instant firstSeen, boolean verified, boolean blocked) {
}
