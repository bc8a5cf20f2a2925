// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.io.PrintWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where the SDK's log messages go when it runs inside {@code nano}: nowhere normally, since the
 * commands report what matters themselves, and one line each on stderr with {@code --verbose}.
 * JBoss Logging writes to java.util.logging here, as no other backend is on the class path.
 */
final class SdkLogging {

    /** Held so that the configured logger is not collected and replaced by an unconfigured one. */
    private static final Logger SDK = Logger.getLogger("org.nanomessenger");

    private SdkLogging() {
    }

    static synchronized void configure(boolean verbose, PrintWriter err) {
        SDK.setUseParentHandlers(false);
        for (Handler handler : SDK.getHandlers()) {
            SDK.removeHandler(handler);
        }
        if (!verbose) {
            SDK.setLevel(Level.OFF);
            return;
        }

        SDK.setLevel(Level.FINE);
        SDK.addHandler(new StderrHandler(err));
    }

    /** Writes {@code nano: LEVEL: message} and, if any, the stack trace. */
    private static final class StderrHandler extends Handler {

        private final PrintWriter err;
        private final Formatter formatter = new SimpleFormatter();

        StderrHandler(PrintWriter err) {
            this.err = err;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            synchronized (err) {
                String level = record.getLevel().getName();
                err.println("nano: " + level + ": " + formatter.formatMessage(record));
                if (record.getThrown() != null) {
                    // Only with --verbose, where the user asked for the details
                    record.getThrown().printStackTrace(err);
                }
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
