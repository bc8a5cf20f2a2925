// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Usernames;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters of option and parameter values: a bad value is a usage error before anything runs. */
final class Converters {

    private Converters() {
    }

    /** A crypto mode by its wire name, in any case. */
    static final class Mode implements ITypeConverter<CryptoMode> {

        @Override
        public CryptoMode convert(String value) {
            try {
                return CryptoMode.fromWireName(value.trim().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + Output.oneLine(value)
                        + "' is not a mode: expected classical, hybrid or quantum");
            }
        }
    }

    /** The wire names of the modes, for help and completion. */
    static final class ModeNames implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CryptoMode.values()).map(CryptoMode::wireName).iterator();
        }
    }

    /** A username, normalised as the protocol spells it. */
    static final class Username implements ITypeConverter<String> {

        @Override
        public String convert(String value) {
            String normalised = Usernames.normalize(value);
            if (!Usernames.isValid(normalised)) {
                throw new TypeConversionException("'" + Output.oneLine(value) + "' is not a username: "
                        + Usernames.MIN_LENGTH + " to " + Usernames.MAX_LENGTH + " of a-z 0-9 _ -");
            }
            return normalised;
        }
    }

    /** A server's base URL: http or https, with a host, and no user info, query or fragment. */
    static final class ServerUrl implements ITypeConverter<URI> {

        @Override
        public URI convert(String value) {
            String trimmed = value.trim();
            URI url;
            try {
                url = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + Output.oneLine(value) + "' is not a URL: "
                        + e.getReason());
            }

            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
                throw new TypeConversionException("'" + Output.oneLine(value)
                        + "' is not a server URL: expected http:// or https:// and a host name");
            }
            if (url.getRawUserInfo() != null || url.getRawQuery() != null
                    || url.getRawFragment() != null) {
                throw new TypeConversionException("'" + Output.oneLine(value)
                        + "' is not a server URL: it must not hold a user, a query or a fragment");
            }
            return URI.create(scheme + trimmed.substring(scheme.length()));
        }
    }
}
