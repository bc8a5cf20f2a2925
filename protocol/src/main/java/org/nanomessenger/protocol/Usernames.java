// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a username. Users may type any Unicode form; the protocol, the server's
 * database and every signing input use the normalised form: Unicode NFKC (UAX #15), then trimmed,
 * then lower-cased with {@link Locale#ROOT}. A normalised username is 3 to 32 characters of
 * {@code a-z}, {@code 0-9}, {@code _} and {@code -}, so look-alikes outside ASCII are refused rather
 * than registered beside the name they imitate.
 */
public final class Usernames {

    /** The shortest valid username. */
    public static final int MIN_LENGTH = 3;
    /** The longest valid username. */
    public static final int MAX_LENGTH = 32;

    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    private Usernames() {
    }

    /**
     * The normalised form of what a user typed: NFKC folds compatibility forms such as fullwidth
     * {@code ａｌｉｃｅ} to {@code alice}, then the blanks around it are dropped and it is lower-cased.
     * The result is not necessarily valid.
     *
     * @throws NullPointerException if {@code raw} is null
     */
    public static String normalize(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        return folded.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code normalized} is a valid username as it stands; null is not. */
    public static boolean isValid(String normalized) {
        return normalized != null && VALID.matcher(normalized).matches();
    }

    /**
     * Normalises {@code raw} and checks the result.
     *
     * @return the normalised username
     * @throws ProtocolException with {@link Problem#INVALID_USERNAME} if it is missing or not valid
     *         once normalised
     */
    public static String requireValid(String raw) throws ProtocolException {
        if (raw == null) {
            throw new ProtocolException(Problem.INVALID_USERNAME, "A username is required");
        }

        String normalized = normalize(raw);
        if (!isValid(normalized)) {
            // The input is not echoed: it may be long or hold control characters meant for a log
            throw new ProtocolException(Problem.INVALID_USERNAME, "A username must be " + MIN_LENGTH + " to "
                    + MAX_LENGTH + " characters of a-z, 0-9, '_' and '-' after NFKC normalisation and lower-casing");
        }
        return normalized;
    }
}
