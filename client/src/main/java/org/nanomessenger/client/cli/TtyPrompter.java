// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Asks for a passphrase on the process's controlling terminal, {@code /dev/tty}, when standard
 * input or output is redirected (so that {@code System.console()} is null): {@code echo hi | nano
 * send bob -} still prompts, as ssh and gpg do. Echo is turned off with {@code stty} for the
 * typing and back on afterwards.
 */
final class TtyPrompter implements Passphrases.Prompter {

    private static final Path TTY = Path.of("/dev/tty");

    private TtyPrompter() {
    }

    /** A prompter on the controlling terminal, or null when the process has none. */
    static Passphrases.Prompter open() {
        if (!Files.isReadable(TTY) || !Files.isWritable(TTY)) {
            return null;
        }
        // Opening fails (ENXIO) for a process without a controlling terminal, such as a service
        try (FileInputStream probe = new FileInputStream(TTY.toFile())) {
            return new TtyPrompter();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public char[] readPassword(String prompt) {
        Charset charset = Charset.defaultCharset();
        try (FileInputStream in = new FileInputStream(TTY.toFile());
                Writer out = new OutputStreamWriter(new FileOutputStream(TTY.toFile()), charset)) {
            out.write(prompt);
            out.flush();
            boolean hidden = stty("-echo");
            try {
                String line = new BufferedReader(new InputStreamReader(in, charset)).readLine();
                return line == null ? null : line.toCharArray();
            } finally {
                if (hidden) {
                    stty("echo");
                }
                out.write(System.lineSeparator());
                out.flush();
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** The standard input is not where the passphrase is typed: it may carry a message. */
    @Override
    public boolean readsStandardInput() {
        return false;
    }

    /** Runs {@code stty} on the terminal; answers whether it worked. */
    private static boolean stty(String setting) {
        try {
            Process stty = new ProcessBuilder(Arrays.asList("stty", setting)).redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return stty.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
