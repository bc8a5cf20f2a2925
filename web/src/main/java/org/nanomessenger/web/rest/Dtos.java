// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import static org.nanomessenger.web.rest.Fields.base64Url;
import static org.nanomessenger.web.rest.Fields.required;

import org.nanomessenger.ejb.service.KeyDirectoryService.PublishedPrekey;
import org.nanomessenger.ejb.service.MessageService.Delivery;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.web.rest.dto.EnvelopeDto;
import org.nanomessenger.web.rest.dto.PrekeyDto;

/** Converts between the JSON bodies and the services' types. */
public final class Dtos {

    private Dtos() {
    }

    static PublishedPrekey prekey(PrekeyDto dto, String name) {
        PrekeyDto body = required(dto, name);
        return new PublishedPrekey(required(body.keyId(), name + ".keyId"), required(body.algorithm(),
                name + ".algorithm"), base64Url(body.publicKey(), name + ".publicKey"),
                base64Url(body.signature(), name + ".signature"));
    }

    static PrekeyDto prekey(PublishedPrekey prekey) {
        return prekey == null ? null : new PrekeyDto(prekey.keyId(), prekey.algorithm(),
                Base64Url.encode(prekey.publicKey()), Base64Url.encode(prekey.signature()));
    }

    static Envelope envelope(EnvelopeDto body) {
        return new Envelope(Fields.uuid(body.id(), "id"), required(body.sender(), "sender"),
                required(body.recipient(), "recipient"), Fields.mode(body.mode(), "mode"),
                required(body.timestamp(), "timestamp"), base64Url(body.ciphertext(), "ciphertext"));
    }

    /** An envelope as delivered, over REST and over the WebSocket. */
    public static EnvelopeDto envelope(Delivery delivery) {
        Envelope envelope = delivery.envelope();
        return new EnvelopeDto(envelope.id().toString(), envelope.sender(), envelope.recipient(),
                envelope.mode().wireName(), envelope.timestampMillis(), Base64Url.encode(envelope.ciphertext()),
                Base64Url.encode(delivery.signature()), delivery.acceptedAt().toEpochMilli());
    }
}
