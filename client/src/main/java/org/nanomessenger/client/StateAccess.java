// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.io.IOException;
import java.nio.file.Path;

import org.nanomessenger.client.store.EncryptedStore;
import org.nanomessenger.client.store.WrongPassphraseException;

/**
 * Transactions on a client's state: each reads the state under the directory's lock, changes it
 * and writes it back atomically, so that processes sharing the directory never lose an update.
 */
final class StateAccess {

    /** A change to the state, made under the lock. */
    @FunctionalInterface
    interface Change<T> {
        T apply(ClientState state) throws NanoException;
    }

    private final EncryptedStore store;

    StateAccess(EncryptedStore store) {
        this.store = store;
    }

    Path directory() {
        return store.directory();
    }

    /** Applies {@code change} and writes the result; nothing is written if it throws. */
    <T> T update(Change<T> change) throws NanoException {
        try (EncryptedStore.Lock lock = store.lock()) {
            ClientState state = load(store);
            T result = change.apply(state);
            store.write(ClientState.FILE, ClientState.JSON.writeValueAsBytes(state));
            return result;
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    ClientState read() throws NanoException {
        try (EncryptedStore.Lock lock = store.lock()) {
            return load(store);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    static ClientState load(EncryptedStore store) throws StateException, IOException {
        try {
            byte[] content = store.read(ClientState.FILE);
            if (content == null) {
                throw new StateException(StateException.Reason.MISSING, "No client state in " + store.directory());
            }
            ClientState state = ClientState.JSON.readValue(content, ClientState.class);
            if (state.version != ClientState.VERSION) {
                throw new StateException(StateException.Reason.UNUSABLE, "The state in " + store.directory()
                        + " is of version " + state.version + "; this client reads version " + ClientState.VERSION);
            }
            return state;
        } catch (WrongPassphraseException e) {
            throw new StateException(StateException.Reason.WRONG_PASSPHRASE, e.getMessage(), e);
        }
    }

    HistoryFile readHistory() throws NanoException {
        try (EncryptedStore.Lock lock = store.lock()) {
            return loadHistory();
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    void appendHistory(HistoryFile.Record record) throws NanoException {
        try (EncryptedStore.Lock lock = store.lock()) {
            appendHistoryLocked(record);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    /**
     * Adds to the history when the caller already holds the lock, inside an {@link #update}: the
     * history is written before the state, so a crash in between never loses a message.
     */
    void appendHistoryLocked(HistoryFile.Record record) throws NanoException {
        try {
            HistoryFile history = loadHistory();
            if (history.add(record)) {
                store.write(HistoryFile.FILE, ClientState.JSON.writeValueAsBytes(history));
            }
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    void close() {
        store.close();
    }

    private HistoryFile loadHistory() throws IOException, StateException {
        try {
            byte[] content = store.read(HistoryFile.FILE);
            return content == null ? new HistoryFile() : ClientState.JSON.readValue(content, HistoryFile.class);
        } catch (WrongPassphraseException e) {
            throw new StateException(StateException.Reason.WRONG_PASSPHRASE, e.getMessage(), e);
        }
    }

    private StateException unusable(IOException e) {
        return new StateException(StateException.Reason.UNUSABLE, "Cannot use the state in " + store.directory()
                + ": " + e.getMessage(), e);
    }
}
