// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passphrase-encrypted state directory: the KDF, encryption, atomic writes and the lock. */
class EncryptedStoreTest {

    /** Small settings so that the tests run fast; real stores use RFC 9106's recommendation. */
    private static final Argon2Settings LIGHT = new Argon2Settings(64, 1, 1, new byte[16]);
    private static final char[] PASSPHRASE = "tr0ub4dor&3".toCharArray();

    @TempDir
    Path directory;

    @Test
    void derivesTheArgon2idKnownAnswerOfTheReferenceImplementation() {
        // phc-winner-argon2 src/test.c: Argon2id v1.3, t = 2, m = 2^16 KiB, p = 1, "password", "somesalt"
        Argon2Settings settings = new Argon2Settings(1 << 16, 2, 1, "somesalt".getBytes(UTF_8));

        byte[] key = settings.derive("password".toCharArray());

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
    }

    @Test
    void recommendsTheSecondOptionOfRfc9106() {
        Argon2Settings recommended = Argon2Settings.recommended(new byte[16]);

        assertThat(recommended.memoryKiB()).isEqualTo(64 * 1024);
        assertThat(recommended.iterations()).isEqualTo(3);
        assertThat(recommended.parallelism()).isEqualTo(4);
    }

    @Test
    void readsBackWhatItWroteAndKeepsNoPlaintextOnDisk() throws Exception {
        EncryptedStore store = EncryptedStore.create(directory, PASSPHRASE, LIGHT);
        store.write("state.bin", "the secret state".getBytes(UTF_8));

        EncryptedStore reopened = EncryptedStore.open(directory, PASSPHRASE);

        assertThat(new String(reopened.read("state.bin"), UTF_8)).isEqualTo("the secret state");
        assertThat(Files.readString(directory.resolve("state.bin"), ISO_8859_1))
                .doesNotContain("secret");
        assertThat(reopened.read("absent.bin")).isNull();
    }

    @Test
    void refusesAWrongPassphrase() throws Exception {
        EncryptedStore.create(directory, PASSPHRASE, LIGHT).write("state.bin", "x".getBytes(UTF_8));

        EncryptedStore wrong = EncryptedStore.open(directory, "tr0ub4dor&4".toCharArray());

        assertThatThrownBy(() -> wrong.read("state.bin")).isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("Wrong passphrase");
    }

    @Test
    void refusesAnAlteredOrSwappedFile() throws Exception {
        EncryptedStore store = EncryptedStore.create(directory, PASSPHRASE, LIGHT);
        store.write("state.bin", "state".getBytes(UTF_8));
        store.write("history.bin", "history".getBytes(UTF_8));
        byte[] sealed = Files.readAllBytes(directory.resolve("state.bin"));

        // The history's ciphertext put in place of the state: another file's key and associated data
        Files.copy(directory.resolve("history.bin"), directory.resolve("state.bin"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> store.read("state.bin")).isInstanceOf(WrongPassphraseException.class);

        sealed[sealed.length - 1] ^= 1;
        Files.write(directory.resolve("state.bin"), sealed);
        assertThatThrownBy(() -> store.read("state.bin")).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void replacesFilesWholeAndLeavesNoTemporaryFile() throws Exception {
        EncryptedStore store = EncryptedStore.create(directory, PASSPHRASE, LIGHT);
        store.write("state.bin", "first version, rather long".getBytes(UTF_8));

        store.write("state.bin", "second".getBytes(UTF_8));

        assertThat(new String(store.read("state.bin"), UTF_8)).isEqualTo("second");
        assertThat(directory.resolve("state.bin.tmp")).doesNotExist();
    }

    @Test
    void ignoresATemporaryFileLeftByACrash() throws Exception {
        EncryptedStore store = EncryptedStore.create(directory, PASSPHRASE, LIGHT);
        store.write("state.bin", "committed".getBytes(UTF_8));
        // A crash between writing the temporary file and renaming it
        Files.write(directory.resolve("state.bin.tmp"), new byte[] {1, 2, 3});

        assertThat(new String(EncryptedStore.open(directory, PASSPHRASE).read("state.bin"), UTF_8))
                .isEqualTo("committed");
        store.write("state.bin", "next".getBytes(UTF_8));
        assertThat(new String(store.read("state.bin"), UTF_8)).isEqualTo("next");
    }

    @Test
    void keepsTheDirectoryAndFilesPrivateToTheOwner() throws Exception {
        EncryptedStore store = EncryptedStore.create(directory.resolve("nano"), PASSPHRASE, LIGHT);
        store.write("state.bin", "x".getBytes(UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("nano"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                directory.resolve("nano/state.bin")))).isEqualTo("rw-------");
    }

    @Test
    void refusesToCreateOverAnExistingStore() throws Exception {
        EncryptedStore.create(directory, PASSPHRASE, LIGHT);

        assertThatThrownBy(() -> EncryptedStore.create(directory, PASSPHRASE, LIGHT))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void theLockExcludesOtherThreadsUntilReleased() throws Exception {
        EncryptedStore store = EncryptedStore.create(directory, PASSPHRASE, LIGHT);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread other;

        try (EncryptedStore.Lock lock = store.lock()) {
            other = Thread.ofPlatform().start(() -> {
                try (EncryptedStore.Lock second = EncryptedStore.open(directory, PASSPHRASE).lock()) {
                    acquired.countDown();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(acquired.await(300, TimeUnit.MILLISECONDS)).as("taken while held").isFalse();
        }

        assertThat(acquired.await(10, TimeUnit.SECONDS)).as("taken once released").isTrue();
        other.join();
    }
}
