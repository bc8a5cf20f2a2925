// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.HistoryEntry;
import org.nanomessenger.client.ReceivedMessage;
import org.nanomessenger.client.Rejection;
import org.nanomessenger.protocol.CryptoMode;

/**
 * What a command prints: results on stdout, as text or with {@code --json} as one JSON document
 * (one per line for a stream), and notes and warnings on stderr. Text that came from elsewhere is
 * shown with control and bidi-override characters replaced, so a message cannot drive the terminal.
 */
final class Output {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLACEMENT = 0xFFFD;
    private static final String GAP = "  ";
    /** The width of the label column of {@link #field}. */
    private static final int LABEL_WIDTH = 16;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final ZoneId zone;

    Output(PrintWriter out, PrintWriter err, boolean json, ZoneId zone) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.zone = zone;
    }

    /** Whether results are JSON. */
    boolean json() {
        return json;
    }

    /** A result line on stdout. */
    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** A JSON document on one line of stdout. */
    void json(JsonNode document) {
        try {
            line(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An informational note on stderr, left out with {@code --json}. */
    void note(String text) {
        if (!json) {
            err.println(text);
            err.flush();
        }
    }

    /** A warning on stderr, {@code nano: <text>}, always shown. */
    void warn(String text) {
        err.println("nano: " + oneLine(text));
        err.flush();
    }

    /** A line on stderr that asks the user for something, always shown. */
    void prompt(String text) {
        err.println(text);
        err.flush();
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** A labelled value on stdout, the values of consecutive fields aligned. */
    void field(String label, String value) {
        int pad = Math.max(GAP.length(), LABEL_WIDTH - label.length());
        line(label + " ".repeat(pad) + oneLine(String.valueOf(value)));
    }

    /** Rows as left-aligned columns two blanks apart on stdout; every row has the same length. */
    void columns(List<List<String>> rows) {
        List<List<String>> cells = rows.stream()
                .map(row -> row.stream().map(Output::oneLine).toList())
                .toList();
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                int width = row.get(i).length();
                if (i == widths.size()) {
                    widths.add(width);
                } else {
                    widths.set(i, Math.max(widths.get(i), width));
                }
            }
        }

        for (List<String> row : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                text.append(cell);
                if (i < row.size() - 1) {
                    text.append(" ".repeat(widths.get(i) - cell.length())).append(GAP);
                }
            }
            line(text.toString());
        }
    }

    /** An instant as local date and time, {@code 2026-12-04 09:12:03}; {@code -} if unknown. */
    String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant.atZone(zone));
    }

    /** A received message as text: time, sender, text; further lines of the text indented. */
    String text(ReceivedMessage message) {
        return messageLine(message.sentAt(), message.sender(), message.text());
    }

    /** A message of the history as text; a sent one shows its recipient as {@code -> bob}. */
    String text(HistoryEntry entry) {
        boolean sent = entry.direction() == HistoryEntry.Direction.SENT;
        String who = sent ? "-> " + entry.peer() : entry.peer();
        return messageLine(entry.at(), who, entry.text());
    }

    /** A received message as JSON: id, direction, peer, text, mode, sentAt, acceptedAt. */
    ObjectNode toJson(ReceivedMessage message) {
        ObjectNode node = object();
        node.put("id", message.id().toString());
        node.put("direction", "received");
        node.put("peer", message.sender());
        node.put("text", message.text());
        node.put("mode", wireName(message.mode()));
        node.put("sentAt", iso(message.sentAt()));
        node.put("acceptedAt", iso(message.acceptedAt()));
        return node;
    }

    /** A message of the history as JSON: id, direction, peer, text, mode, sentAt. */
    ObjectNode toJson(HistoryEntry entry) {
        ObjectNode node = object();
        node.put("id", entry.id().toString());
        boolean sent = entry.direction() == HistoryEntry.Direction.SENT;
        node.put("direction", sent ? "sent" : "received");
        node.put("peer", entry.peer());
        node.put("text", entry.text());
        node.put("mode", wireName(entry.mode()));
        node.put("sentAt", iso(entry.at()));
        return node;
    }

    /** Warns that an envelope was discarded. */
    void rejected(Rejection rejection) {
        warn("discarded envelope " + rejection.id() + " from " + rejection.sender() + ": "
                + rejection.reason());
    }

    private String messageLine(Instant at, String who, String text) {
        String prefix = time(at) + GAP + oneLine(who) + GAP;
        String indent = " ".repeat(prefix.length());
        return prefix + clean(text.replace("\r\n", "\n")).replace("\n", "\n" + indent);
    }

    /** ISO-8601, or null. */
    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The wire name, or null. */
    static String wireName(CryptoMode mode) {
        return mode == null ? null : mode.wireName();
    }

    /** {@code text} with control characters other than line feed and tab replaced. */
    static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(c -> cleaned.appendCodePoint(kept(c) ? c : REPLACEMENT));
        return cleaned.toString();
    }

    /** {@code text} on one line: line breaks and tabs become blanks, other controls replaced. */
    static String oneLine(String text) {
        return clean(text.replace("\r\n", " ").replace('\n', ' ').replace('\t', ' '));
    }

    private static boolean kept(int c) {
        if (c == '\n' || c == '\t') {
            return true;
        }
        // The bidi embeddings, overrides and isolates can make text read other than it is
        boolean bidi = c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
        return !(bidi || Character.isISOControl(c));
    }
}
