// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Duration;

/** A running {@link NanoClient#listen}: stop it with {@link #close()}. */
public interface Subscription extends AutoCloseable {

    /** Whether the stream is connected and authenticated right now. */
    boolean connected();

    /** Waits until the stream is connected and authenticated; answers whether it is, in time. */
    boolean awaitConnected(Duration timeout) throws InterruptedException;

    /** Waits until listening has stopped (closed, or a fatal error); answers whether it did in time. */
    boolean awaitStopped(Duration timeout) throws InterruptedException;

    /** Stops listening and closes the connection. */
    @Override
    void close();
}
