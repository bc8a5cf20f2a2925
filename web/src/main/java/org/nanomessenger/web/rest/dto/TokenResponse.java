// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * A bearer token for {@code Authorization: Bearer <token>}.
 *
 * @param token the token; the server keeps only its hash
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it expires
 */
public record TokenResponse(String token, String tokenType, long expiresIn) {
}
