// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.io.Serial;
import java.util.Objects;

/**
 * Outside input that breaks the protocol: a bad username, key, signature or encoding. The
 * {@link Problem} says which rule was broken and becomes the RFC 9457 type of the answer; the
 * message says what was wrong with this input and never contains key material.
 */
public class ProtocolException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    /** An exception of the given kind with a message for people. */
    public ProtocolException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** An exception of the given kind with a message for people and the underlying cause. */
    public ProtocolException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Which rule of the protocol the input broke. */
    public Problem problem() {
        return problem;
    }
}
