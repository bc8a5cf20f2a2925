// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import java.util.UUID;

import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.ProtocolException;

/** Reads the fields of a request body, refusing missing and malformed ones by name. */
final class Fields {

    private Fields() {
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "The field '" + name + "' is required");
        }
        return value;
    }

    static byte[] base64Url(String value, String name) {
        try {
            return Base64Url.decode(required(value, name));
        } catch (ProtocolException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "The field '" + name + "' is not base64url "
                    + "without padding");
        }
    }

    static UUID uuid(String value, String name) {
        try {
            UUID uuid = UUID.fromString(required(value, name));
            if (uuid.toString().equals(value)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new RefusedException(Refusal.MALFORMED_REQUEST, "The field '" + name
                + "' is not a UUID in canonical lower-case form");
    }

    static CryptoMode mode(String value, String name) {
        try {
            return CryptoMode.fromWireName(required(value, name));
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "The field '" + name
                    + "' must be classical, hybrid or quantum");
        }
    }
}
