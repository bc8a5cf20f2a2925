// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

/** Lets tests of other packages put a session in states that only a misbehaving peer produces. */
public final class SessionTestAccess {

    private SessionTestAccess() {
    }

    /** Makes {@code session}'s next messages carry {@code handshake}, whatever the session's history. */
    public static void repeatHandshake(Session session, SessionMessage.Handshake handshake) {
        session.state().pendingHandshake = handshake;
    }
}
