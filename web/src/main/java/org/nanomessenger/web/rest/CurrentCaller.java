// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import jakarta.enterprise.context.RequestScoped;

import org.nanomessenger.ejb.api.Caller;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;

/** The authenticated caller of the current request, set by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private String token;

    void set(Caller caller, String token) {
        this.caller = caller;
        this.token = token;
    }

    /** The caller; only {@link Authenticated} resources may ask. */
    public Caller get() {
        if (caller == null) {
            throw new RefusedException(Refusal.UNAUTHENTICATED, "A bearer token is required");
        }
        return caller;
    }

    /** The bearer token of this request, for revoking it. */
    String token() {
        get();
        return token;
    }
}
