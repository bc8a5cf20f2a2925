// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.logging;

import static org.jboss.logging.Logger.Level.ERROR;
import static org.jboss.logging.Logger.Level.INFO;

import java.lang.invoke.MethodHandles;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** The ejb module's log messages: ids NANO2000 to NANO2999. */
@MessageLogger(projectCode = "NANO", length = 4)
public interface EjbLogger extends BasicLogger {

    EjbLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), EjbLogger.class, "org.nanomessenger.ejb");

    @LogMessage(level = INFO)
    @Message(id = 2000, value = "Database schema is at version %2$s on %3$s (%1$d migrations applied now)")
    void schemaMigrated(int applied, String version, String vendor);

    @Message(id = 2001, value = "NanoDS is a %s database; Nano-Messenger has migrations for H2 and PostgreSQL only")
    IllegalStateException unsupportedDatabase(String product);

    @Message(id = 2002, value = "Cannot reach NanoDS to migrate the schema")
    IllegalStateException databaseUnreachable(@Cause Throwable cause);

    @LogMessage(level = INFO)
    @Message(id = 2003, value = "Deleted %d envelopes whose retention ran out")
    void envelopesExpired(int count);

    @LogMessage(level = ERROR)
    @Message(id = 2004, value = "nano.policy.minimum-mode is '%s', which names no crypto mode (classical, hybrid, "
            + "quantum); accepting quantum only until it is corrected")
    void unknownPolicy(String configured);
}
