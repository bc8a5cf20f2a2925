// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.nanomessenger.protocol.CryptoMode;

/** The local message history, stored as JSON in the encrypted file {@value #FILE}, oldest first. */
final class HistoryFile {

    static final String FILE = "history.bin";

    List<Record> messages = new ArrayList<>();

    /** One message. */
    static final class Record {
        String id;
        String direction;
        String peer;
        String text;
        String mode;
        long at;

        static Record of(UUID id, HistoryEntry.Direction direction, String peer, String text, CryptoMode mode,
                long at) {
            Record record = new Record();
            record.id = id.toString();
            record.direction = direction.name();
            record.peer = peer;
            record.text = text;
            record.mode = mode.wireName();
            record.at = at;
            return record;
        }

        HistoryEntry entry() {
            return new HistoryEntry(UUID.fromString(id), HistoryEntry.Direction.valueOf(direction), peer, text,
                    CryptoMode.fromWireName(mode), Instant.ofEpochMilli(at));
        }
    }

    /** Adds a message unless one with its id is there already (a redelivery). */
    boolean add(Record record) {
        // Not yet indexed: a linear scan, fine for the history of one user; index it if it grows large
        if (messages.stream().anyMatch(existing -> existing.id.equals(record.id))) {
            return false;
        }
        messages.add(record);
        return true;
    }
}
