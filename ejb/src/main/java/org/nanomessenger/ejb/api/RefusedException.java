// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.api;

import jakarta.ejb.ApplicationException;

import org.nanomessenger.protocol.ProtocolException;

/**
 * A request the server refuses, with the {@link Refusal} that names why and a detail for people.
 * Thrown by services; the transaction rolls back, so a refused request stores nothing. The detail
 * never contains key material, tokens or ciphertext.
 */
@ApplicationException(rollback = true)
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    public RefusedException(Refusal refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    /** A refusal for a protocol problem, keeping its message as the detail. */
    public RefusedException(ProtocolException cause) {
        super(cause.getMessage(), cause);
        this.refusal = Refusal.of(cause.problem());
    }

    public Refusal refusal() {
        return refusal;
    }
}
