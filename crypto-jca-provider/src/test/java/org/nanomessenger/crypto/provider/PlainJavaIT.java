// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs src/example/java/NanoPQExample.java in a fresh {@code java} process whose class path holds
 * only the packaged provider jar and Bouncy Castle: what any Java program that adopts NanoPQ gets.
 */
class PlainJavaIT {

    private static final List<String> EXPECTED_LINES = List.of(
            "ok   KEM ML-KEM-512",
            "ok   KEM ML-KEM-768",
            "ok   KEM ML-KEM-1024",
            "ok   KEM X25519",
            "ok   KEM X-Wing",
            "ok   Signature ML-DSA-44",
            "ok   Signature ML-DSA-65",
            "ok   Signature ML-DSA-87",
            "ok   Signature Ed25519",
            "ok   Signature MLDSA65-Ed25519-SHA512",
            "ok   Signature SLH-DSA-SHA2-128s",
            "ok   Signature SLH-DSA-SHA2-128f",
            "ok   Signature SLH-DSA-SHAKE-128f");

    @Test
    void everyAlgorithmWorksFromPlainJavaWithOnlyTheJarAndBouncyCastle() throws Exception {
        Path providerJar = existing("nano.provider.jar");
        Path bouncyCastleJar = existing("nano.bcprov.jar");
        Path example = existing("nano.example.source");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = Files.createTempFile("nanopq-example", ".txt");

        Process process = new ProcessBuilder(java.toString(),
                "-cp", providerJar + File.pathSeparator + bouncyCastleJar,
                example.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        Files.delete(output);

        assertThat(finished).as("the example finished").isTrue();
        assertThat(lines).as("the example's output").isEqualTo(EXPECTED_LINES);
        assertThat(process.exitValue()).isZero();
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by the failsafe configuration)", property).isNotBlank();
        Path path = Path.of(value);
        assertThat(path).exists();
        return path;
    }
}
