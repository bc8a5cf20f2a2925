// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * A challenge to sign with the identity key.
 *
 * @param nonce 32 random bytes, base64url
 * @param issuedAt when the server issued it, milliseconds since the epoch; part of the signing input
 * @param expiresIn seconds left to answer
 */
public record ChallengeResponse(String nonce, long issuedAt, long expiresIn) {
}
