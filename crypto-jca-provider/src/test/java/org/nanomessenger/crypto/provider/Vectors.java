// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Loads the published test vectors under src/test/resources/vectors (see SOURCES.md there). */
public final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {
    }

    /** Parses {@code vectors/<path>} as JSON. */
    public static JsonNode json(String path) {
        try (InputStream in = open(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code vectors/<path>} as UTF-8 text. */
    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex of either case to bytes. */
    public static byte[] hex(String hex) {
        return HEX.parseHex(hex.toLowerCase());
    }

    /** The hex string field {@code name} of {@code node} as bytes; a missing field is empty. */
    public static byte[] hex(JsonNode node, String name) {
        JsonNode field = node.get(name);
        return field == null ? new byte[0] : hex(field.asText());
    }

    private static InputStream open(String path) {
        InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path);
        if (in == null) {
            throw new IllegalArgumentException("No test vector file vectors/" + path);
        }
        return in;
    }
}
