// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * {@code POST /api/v1/accounts}: a username claimed by a device's identity key. Binary fields are
 * base64url without padding.
 *
 * @param username 3 to 32 of a-z 0-9 _ - after NFKC and lower-casing
 * @param device the device name, 1 to 64 of A-Z a-z 0-9 _ . -
 * @param identityKey the identity public key, X.509 SubjectPublicKeyInfo DER; its algorithm sets the mode
 * @param timestamp the client's clock, milliseconds since the epoch
 * @param signature the identity key's signature over the registration signing input
 */
public record RegistrationRequest(String username, String device, String identityKey, Long timestamp,
        String signature) {
}
