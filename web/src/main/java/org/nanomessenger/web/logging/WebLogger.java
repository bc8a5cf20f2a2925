// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.logging;

import static org.jboss.logging.Logger.Level.ERROR;
import static org.jboss.logging.Logger.Level.WARN;

import java.lang.invoke.MethodHandles;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** The web module's log messages: ids NANO3000 to NANO3999. */
@MessageLogger(projectCode = "NANO", length = 4)
public interface WebLogger extends BasicLogger {

    WebLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), WebLogger.class, "org.nanomessenger.web");

    @LogMessage(level = ERROR)
    @Message(id = 3000, value = "Unexpected failure answering %s %s (correlation id %s)")
    void unexpectedFailure(String method, String path, String correlationId, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 3001, value = "Refused a malformed request to %s: %s")
    void malformedRequest(String path, String reason);

    @LogMessage(level = WARN)
    @Message(id = 3002, value = "Could not push to WebSocket session %s (%s); the envelope stays in the mailbox")
    void pushFailed(String sessionId, String reason);
}
