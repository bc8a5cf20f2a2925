// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.logging;

import static org.jboss.logging.Logger.Level.DEBUG;
import static org.jboss.logging.Logger.Level.ERROR;
import static org.jboss.logging.Logger.Level.WARN;

import java.lang.invoke.MethodHandles;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** The client's log messages: ids NANO4000 to NANO4999. Never key material, plaintext or tokens. */
@MessageLogger(projectCode = "NANO", length = 4)
public interface ClientLogger extends BasicLogger {

    ClientLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), ClientLogger.class,
            "org.nanomessenger.client");

    @LogMessage(level = WARN)
    @Message(id = 4000, value = "Discarded envelope %s from %s: %s")
    void envelopeRejected(String id, String sender, String reason);

    @LogMessage(level = WARN)
    @Message(id = 4001, value = "The stream to %s closed (%d %s); reconnecting in %d s")
    void reconnecting(String server, int code, String reason, long seconds);

    @LogMessage(level = DEBUG)
    @Message(id = 4002, value = "Published %d one-time prekeys")
    void publishedOneTimePrekeys(int count);

    @LogMessage(level = ERROR)
    @Message(id = 4003, value = "Unexpected failure while listening; the envelope stays on the server for a retry")
    void listenerFailure(@Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 4004, value = "Could not top up the prekeys: %s; the next fetch or listen tries again")
    void prekeyUpkeepFailed(String reason);

    @LogMessage(level = WARN)
    @Message(id = 4005, value = "Fetching stopped early: %s; what was read is kept, the rest waits on the server")
    void fetchInterrupted(String reason);
}
