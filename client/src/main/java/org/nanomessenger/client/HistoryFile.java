// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.util.ArrayList;
import java.util.List;

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
    }

    /** Adds a message unless one with its id is there already (a redelivery). */
    boolean add(Record record) {
        if (messages.stream().anyMatch(existing -> existing.id.equals(record.id))) {
            return false;
        }
        messages.add(record);
        return true;
    }
}
