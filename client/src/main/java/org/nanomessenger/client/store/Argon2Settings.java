// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.store;

import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The passphrase KDF of the local state: Argon2id (RFC 9106), version 0x13, through Bouncy
 * Castle. The settings are stored in the clear next to the state, so that stronger ones can be
 * chosen later without breaking existing directories.
 *
 * @param memoryKiB memory in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 * @param salt a random salt: 16 bytes for new stores, at least 8 (RFC 9106 §3.1)
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    /** RFC 9106 §4, the second recommended option: t = 3, p = 4, m = 64 MiB. */
    public static Argon2Settings recommended(byte[] salt) {
        return new Argon2Settings(64 * 1024, 3, 4, salt);
    }

    public Argon2Settings {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || salt == null || salt.length < 8) {
            throw new IllegalArgumentException(
                    "Argon2id needs t >= 1, p >= 1, m >= 8p KiB and a salt of 8 bytes or more");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Derives a 32-byte key from the passphrase, encoded as UTF-8 (RFC 9106 §3.1). */
    byte[] derive(char[] passphrase) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(parameters);
        byte[] key = new byte[32];
        // Bouncy Castle encodes the characters as UTF-8 (PasswordConverter.UTF8, its default)
        argon2.generateBytes(passphrase, key);
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Argon2Settings that && memoryKiB == that.memoryKiB && iterations == that.iterations
                && parallelism == that.parallelism && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * memoryKiB + iterations) + parallelism) + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "Argon2id[m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + "]";
    }
}
