// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * {@code POST /api/v1/auth/challenge}.
 *
 * @param username who wants to sign in
 */
public record ChallengeRequest(String username) {
}
