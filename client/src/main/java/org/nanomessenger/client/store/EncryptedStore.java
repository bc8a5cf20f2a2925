// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A directory of files encrypted under a passphrase. {@code store.json} holds, in the clear, the
 * format and the Argon2id settings; every other file is {@code nonce (12) || AES-256-GCM(content)}
 * under a key derived from the passphrase for that file name, with the file name in the
 * associated data, so files can be neither read nor swapped without the passphrase.
 *
 * <p>Writes are atomic: a new version is written to a temporary file, forced to the disk and
 * renamed over the old one, so a crash leaves either the old or the new content, never a mix.
 * {@link #lock()} serialises the processes that share a directory.
 */
public final class EncryptedStore {

    /** The name of the clear settings file. */
    public static final String SETTINGS_FILE = "store.json";
    private static final String FORMAT = "nano-messenger/v1/store";
    private static final String LOCK_FILE = "lock";
    private static final int NONCE_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lock of each directory within this process: file locks are held per process (FileChannel.lock). */
    private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final byte[] masterKey;
    private volatile boolean closed;

    private EncryptedStore(Path directory, byte[] masterKey) {
        this.directory = directory;
        this.masterKey = masterKey;
    }

    /** Whether {@code directory} holds a store. */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(SETTINGS_FILE));
    }

    /**
     * Makes a new store in {@code directory} (created with owner-only access if missing).
     *
     * @throws FileAlreadyExistsException if it holds a store already
     */
    public static EncryptedStore create(Path directory, char[] passphrase, Argon2Settings settings)
            throws IOException {
        Files.createDirectories(directory);
        restrict(directory, "rwx------");
        ObjectNode clear = JSON.createObjectNode().put("format", FORMAT);
        clear.putObject("kdf").put("algorithm", "Argon2id").put("version", 19)
                .put("memoryKiB", settings.memoryKiB()).put("iterations", settings.iterations())
                .put("parallelism", settings.parallelism()).put("salt", settings.salt());
        Path file = directory.resolve(SETTINGS_FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            restrict(file, "rw-------");
            channel.write(ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(clear)));
            channel.force(true);
        }
        return new EncryptedStore(directory, settings.derive(passphrase));
    }

    /**
     * Opens the store in {@code directory}. The passphrase is only checked when a file is read.
     *
     * @throws NoSuchFileException if there is no store
     * @throws IOException if the settings cannot be read or are not of this format
     */
    public static EncryptedStore open(Path directory, char[] passphrase) throws IOException {
        JsonNode clear = JSON.readTree(directory.resolve(SETTINGS_FILE).toFile());
        JsonNode kdf = clear.path("kdf");
        if (!FORMAT.equals(clear.path("format").asText()) || !"Argon2id".equals(kdf.path("algorithm").asText())
                || kdf.path("version").asInt() != 19) {
            throw new IOException(directory.resolve(SETTINGS_FILE) + " is not a Nano-Messenger store of version 1");
        }
        Argon2Settings settings;
        try {
            settings = new Argon2Settings(kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(),
                    kdf.path("parallelism").asInt(), kdf.path("salt").binaryValue());
        } catch (IllegalArgumentException e) {
            throw new IOException(directory.resolve(SETTINGS_FILE) + " holds unusable KDF settings: "
                    + e.getMessage(), e);
        }
        return new EncryptedStore(directory, settings.derive(passphrase));
    }

    public Path directory() {
        return directory;
    }

    /**
     * The content of file {@code name}, or null if there is none.
     *
     * @throws WrongPassphraseException if it does not decrypt: a wrong passphrase or an altered file
     */
    public byte[] read(String name) throws IOException, WrongPassphraseException {
        ensureOpen();
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(directory.resolve(name));
        } catch (NoSuchFileException e) {
            return null;
        }
        if (sealed.length < NONCE_LENGTH + 16) {
            throw new IOException(directory.resolve(name) + " is truncated");
        }

        byte[] key = fileKey(name);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, sealed, 0, NONCE_LENGTH));
            gcm.updateAAD(associatedData(name));
            return gcm.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException(directory);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES-256-GCM failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Replaces file {@code name} with {@code content}, atomically and durably. */
    public void write(String name, byte[] content) throws IOException {
        ensureOpen();
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] key = fileKey(name);
        byte[] sealed;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(associatedData(name));
            sealed = new byte[NONCE_LENGTH + gcm.getOutputSize(content.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_LENGTH);
            gcm.doFinal(content, 0, content.length, sealed, NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES-256-GCM failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }

        Path target = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            restrict(temporary, "rw-------");
            channel.write(ByteBuffer.wrap(sealed));
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + directory + " cannot replace files atomically", e);
        }
        forceDirectory();
    }

    /**
     * Takes the directory's lock, waiting for another thread or process that holds it. Every
     * read-change-write of the state happens under it. Not reentrant: a holder must not ask again.
     */
    public Lock lock() throws IOException {
        ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(directory.toAbsolutePath().normalize(),
                path -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            // A file lock excludes other processes only; the local lock excludes this process's threads
            channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            channel.lock();
            return new Lock(channel, local);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    /** The held lock of a store's directory; closing it releases it. */
    public static final class Lock implements AutoCloseable {

        private final FileChannel channel;
        private final ReentrantLock local;

        private Lock(FileChannel channel, ReentrantLock local) {
            this.channel = channel;
            this.local = local;
        }

        @Override
        public void close() throws IOException {
            try {
                // Closing the channel releases the file lock
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }

    /**
     * Forgets the key; the store cannot be used afterwards. Waits for a change under way in
     * another thread, so that no file is ever written under a wiped key.
     */
    public void close() {
        try (Lock lock = lock()) {
            forget();
        } catch (IOException e) {
            forget();
        }
    }

    private void forget() {
        closed = true;
        Arrays.fill(masterKey, (byte) 0);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The state in " + directory + " is closed");
        }
    }

    private byte[] fileKey(String name) {
        try {
            HKDFParameterSpec spec = HKDFParameterSpec.ofExtract().addIKM(masterKey)
                    .thenExpand(associatedData(name), 32);
            return KDF.getInstance("HKDF-SHA256").deriveData(spec);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("HKDF-SHA256 failed", e);
        }
    }

    private static byte[] associatedData(String name) {
        return (FORMAT + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    /** Makes the rename itself durable (POSIX: fsync the directory); a no-op where unsupported. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename is still atomic there
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
