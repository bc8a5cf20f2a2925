// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * {@code POST /api/v1/auth/token}: the signed challenge.
 *
 * @param username who signs in
 * @param device which device of theirs
 * @param nonce the challenge nonce, base64url
 * @param signature the identity key's signature over the auth signing input, base64url
 */
public record TokenRequest(String username, String device, String nonce, String signature) {
}
