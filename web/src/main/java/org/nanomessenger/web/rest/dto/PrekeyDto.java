// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * A signed KEM prekey.
 *
 * @param keyId the owner's id for the key, unique per kind
 * @param algorithm the KEM of the account's mode: X25519, X-Wing or ML-KEM-768
 * @param publicKey X.509 SubjectPublicKeyInfo DER, base64url
 * @param signature the identity key's signature over the prekey signing input, base64url
 */
public record PrekeyDto(Long keyId, String algorithm, String publicKey, String signature) {
}
