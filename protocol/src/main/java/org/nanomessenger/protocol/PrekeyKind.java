// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Arrays;

/**
 * The kinds of prekey a user publishes: the KEM public keys senders encapsulate to. Each has a
 * one-byte code, written in the {@link Prekey} signing input, and a wire name, used in JSON.
 */
public enum PrekeyKind {

    /** The medium-term prekey, replaced from time to time. */
    SIGNED(1, "signed"),
    /** The prekey used when no one-time prekey is left; never consumed. */
    LAST_RESORT(2, "last-resort"),
    /** A prekey handed to one sender only, then deleted by the server. */
    ONE_TIME(3, "one-time");

    private final int code;
    private final String wireName;

    PrekeyKind(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    /** The one-byte code in signing inputs: 1, 2 or 3. */
    public int code() {
        return code;
    }

    /** The name in JSON: {@code signed}, {@code last-resort} or {@code one-time}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The kind with the given wire name, matched exactly.
     *
     * @throws IllegalArgumentException naming the accepted values, for an unknown or null name
     */
    public static PrekeyKind fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown prekey kind '" + name + "': expected signed, last-resort or one-time"));
    }
}
