// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.util.UUID;

/**
 * An envelope the client refused and discarded.
 *
 * @param id the envelope id
 * @param sender who it claims to be from
 * @param reason why, in one line
 */
public record Rejection(UUID id, String sender, String reason) {
}
