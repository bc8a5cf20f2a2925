// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

import org.nanomessenger.crypto.provider.NanoPQProvider;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Signatures;

/**
 * The fixed facts of a client, read once when it is opened: who it is, its modes and its
 * identity key pair.
 */
record Identity(String username, String device, CryptoMode mode, CryptoMode minimumMode, PrivateKey privateKey,
        byte[] publicKey) {

    static Identity of(ClientState state) throws StateException {
        CryptoMode mode = CryptoMode.fromWireName(state.mode);
        try {
            PrivateKey privateKey = KeyFactory.getInstance(mode.signatureAlgorithm(), new NanoPQProvider())
                    .generatePrivate(new PKCS8EncodedKeySpec(state.identityPrivate));
            return new Identity(state.username, state.device, mode, CryptoMode.fromWireName(state.minimumMode),
                    privateKey, state.identityPublic);
        } catch (GeneralSecurityException e) {
            throw new StateException(StateException.Reason.UNUSABLE, "The stored identity key is unusable", e);
        }
    }

    /** Signs a signing input of docs/protocol.md §2 with the identity key. */
    byte[] sign(byte[] input) throws StateException {
        try {
            return Signatures.sign(privateKey, input);
        } catch (ProtocolException e) {
            throw new StateException(StateException.Reason.UNUSABLE, "The identity key cannot sign: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Identity[" + username + ", " + mode.wireName() + "]";
    }
}
