// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * A user's identity key, without prekeys: what a recipient needs to check a sender's signatures.
 *
 * @param username the owner
 * @param device the owner's device
 * @param mode the owner's crypto mode
 * @param identityAlgorithm the identity key's algorithm
 * @param identityKey X.509 DER, base64url: the same key as in the owner's bundle
 */
public record IdentityResponse(String username, String device, String mode, String identityAlgorithm,
        String identityKey) {
}
