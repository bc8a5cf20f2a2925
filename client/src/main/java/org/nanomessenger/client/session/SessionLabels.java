// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

/** The domain-separation labels of the session protocol's derivations (docs/protocol.md §9). */
final class SessionLabels {

    /** The handshake's HKDF info. */
    static final String SESSION = "nano-messenger/v1/session";
    /** A KEM ratchet step's HKDF info. */
    static final String RATCHET = "nano-messenger/v1/ratchet";
    /** The expansion of a message key into an AES key and nonce. */
    static final String MESSAGE_KEY = "nano-messenger/v1/message-key";
    /** The associated data of a payload. */
    static final String MESSAGE = "nano-messenger/v1/message";
    /** The safety number's hash input. */
    static final String SAFETY_NUMBER = "nano-messenger/v1/safety-number";

    private SessionLabels() {
    }
}
