// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.api;

import java.time.Instant;

/**
 * Who a bearer token belongs to.
 *
 * @param username the normalised username
 * @param device the device name the token was issued to
 * @param tokenId a short id of the token (a prefix of its SHA-256), for logs and audit; not the token
 * @param expiresAt when the token stops working
 */
public record Caller(String username, String device, String tokenId, Instant expiresAt) {
}
