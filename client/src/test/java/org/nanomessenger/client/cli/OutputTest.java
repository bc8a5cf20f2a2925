// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nanomessenger.client.HistoryEntry;
import org.nanomessenger.client.ReceivedMessage;
import org.nanomessenger.client.Rejection;
import org.nanomessenger.protocol.CryptoMode;

/** How messages, notes, warnings and JSON are printed. */
class OutputTest {

    private static final UUID ID = UUID.fromString("0b9f6c1e-8d3a-4a51-9a43-2f0d1c7e5b60");
    private static final Instant SENT = Instant.parse("2026-12-04T09:12:03.250Z");
    private static final Instant ACCEPTED = Instant.parse("2026-12-04T09:12:04Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Output output(boolean json, ZoneId zone) {
        return new Output(new PrintWriter(out), new PrintWriter(err), json, zone);
    }

    private static ReceivedMessage received(String text) {
        return new ReceivedMessage(ID, "alice", text, CryptoMode.HYBRID, SENT, ACCEPTED);
    }

    @Test
    void printsAReceivedMessageOnOneLineInLocalTime() {
        assertThat(output(false, ZoneOffset.UTC).text(received("hello there")))
                .isEqualTo("2026-12-04 09:12:03  alice  hello there");
        assertThat(output(false, ZoneId.of("Europe/Paris")).text(received("hello there")))
                .isEqualTo("2026-12-04 10:12:03  alice  hello there");
    }

    @Test
    void marksASentMessageOfTheHistoryWithItsRecipient() {
        HistoryEntry sent = new HistoryEntry(ID, HistoryEntry.Direction.SENT, "bob", "hi",
                CryptoMode.HYBRID, SENT);
        HistoryEntry received = new HistoryEntry(ID, HistoryEntry.Direction.RECEIVED, "bob", "yo",
                CryptoMode.HYBRID, SENT);

        Output output = output(false, ZoneOffset.UTC);

        assertThat(output.text(sent)).isEqualTo("2026-12-04 09:12:03  -> bob  hi");
        assertThat(output.text(received)).isEqualTo("2026-12-04 09:12:03  bob  yo");
    }

    @Test
    void indentsTheFurtherLinesOfAMessageUnderItsText() {
        String text = output(false, ZoneOffset.UTC).text(received("first\r\nsecond\nthird"));

        assertThat(text.lines().toList()).containsExactly(
                "2026-12-04 09:12:03  alice  first",
                "                            second",
                "                            third");
    }

    @Test
    void replacesControlAndBidiCharactersSoAMessageCannotDriveTheTerminal() {
        String text = output(false, ZoneOffset.UTC).text(received("\u001b[2Jgone\u202Egnp.exe\ttab\u0007"));

        assertThat(text).endsWith("  alice  \uFFFD[2Jgone\uFFFDgnp.exe\ttab\uFFFD");
    }

    @Test
    void writesAReceivedMessageAsJsonWithIsoInstants() throws Exception {
        Output output = output(true, ZoneOffset.UTC);
        output.json(output.toJson(received("hé \"quoted\"\n")));

        assertThat(out.toString()).hasLineCount(1);
        JsonNode node = new ObjectMapper().readTree(out.toString());
        assertThat(node.path("id").asText()).isEqualTo(ID.toString());
        assertThat(node.path("direction").asText()).isEqualTo("received");
        assertThat(node.path("peer").asText()).isEqualTo("alice");
        assertThat(node.path("text").asText()).isEqualTo("hé \"quoted\"\n");
        assertThat(node.path("mode").asText()).isEqualTo("hybrid");
        assertThat(node.path("sentAt").asText()).isEqualTo("2026-12-04T09:12:03.250Z");
        assertThat(node.path("acceptedAt").asText()).isEqualTo("2026-12-04T09:12:04Z");
    }

    @Test
    void writesAnEntryOfTheHistoryAsJsonWithItsDirection() {
        HistoryEntry sent = new HistoryEntry(ID, HistoryEntry.Direction.SENT, "bob", "hi",
                CryptoMode.QUANTUM, SENT);

        JsonNode node = output(true, ZoneOffset.UTC).toJson(sent);

        assertThat(node.path("direction").asText()).isEqualTo("sent");
        assertThat(node.path("peer").asText()).isEqualTo("bob");
        assertThat(node.path("mode").asText()).isEqualTo("quantum");
        assertThat(node.path("sentAt").asText()).isEqualTo("2026-12-04T09:12:03.250Z");
    }

    @Test
    void notesGoToStderrExceptWithJsonWarningsAlways() {
        Output text = output(false, ZoneOffset.UTC);
        text.note("Registered alice");
        Output json = output(true, ZoneOffset.UTC);
        json.note("left out");
        json.rejected(new Rejection(ID, "mallory", "bad signature"));

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().toList()).containsExactly("Registered alice",
                "nano: discarded envelope " + ID + " from mallory: bad signature");
    }

    @Test
    void alignsColumns() {
        output(false, ZoneOffset.UTC).columns(List.of(
                List.of("USERNAME", "MODE", "VERIFIED"),
                List.of("bob", "quantum", "yes"),
                List.of("christina", "-", "no")));

        assertThat(out.toString().lines().toList()).containsExactly(
                "USERNAME   MODE     VERIFIED",
                "bob        quantum  yes",
                "christina  -        no");
    }

    @Test
    void alignsFields() {
        Output output = output(false, ZoneOffset.UTC);
        output.field("server", "http://localhost:8080");
        output.field("accepted modes", "hybrid, quantum");

        assertThat(out.toString().lines().toList()).containsExactly(
                "server          http://localhost:8080",
                "accepted modes  hybrid, quantum");
    }
}
