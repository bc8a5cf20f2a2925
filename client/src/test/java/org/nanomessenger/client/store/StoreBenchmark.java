// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.store;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What unlocking the state costs: Argon2id with the settings every new state directory gets
 * (RFC 9106's second recommended option), paid once per {@code nano} command. Results are in
 * docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreBenchmark {

    private final Argon2Settings recommended = Argon2Settings.recommended(new byte[16]);
    private final char[] passphrase = "correct horse battery staple".toCharArray();

    @Benchmark
    public byte[] deriveStateKey() {
        return recommended.derive(passphrase);
    }
}
