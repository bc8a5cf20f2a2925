// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.store;

import java.nio.file.Path;

/** A file of the store does not decrypt: the passphrase is wrong, or the file was altered. */
public final class WrongPassphraseException extends Exception {

    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(Path directory) {
        super("Wrong passphrase for " + directory + " (or its files were altered)");
    }
}
