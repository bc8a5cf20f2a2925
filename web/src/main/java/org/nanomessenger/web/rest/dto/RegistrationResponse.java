// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * The registered account.
 *
 * @param username the normalised username
 * @param mode the crypto mode of the identity key
 */
public record RegistrationResponse(String username, String mode) {
}
