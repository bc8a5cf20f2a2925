// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * What a sender needs to start a session.
 *
 * @param username the owner
 * @param device the owner's device
 * @param mode the owner's crypto mode
 * @param identityAlgorithm the identity key's algorithm
 * @param identityKey X.509 DER, base64url: check the prekey signatures with it
 * @param signedPrekey the signed prekey
 * @param lastResortPrekey the last-resort prekey, for when no one-time prekey is left
 * @param oneTimePrekey a one-time prekey handed out to this caller only, or null when none was left
 */
public record BundleResponse(String username, String device, String mode, String identityAlgorithm,
        String identityKey, PrekeyDto signedPrekey, PrekeyDto lastResortPrekey, PrekeyDto oneTimePrekey) {
}
