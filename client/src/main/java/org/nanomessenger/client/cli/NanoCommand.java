// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.StateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code nano} command: the options every command shares, the list of commands, and the
 * plumbing they use (the state directory, the passphrase, the output). Each command prints its
 * result on stdout, notes and warnings on stderr, and one line {@code nano: <message>} when it
 * fails, with an exit code from {@link ExitCodes}.
 */
@Command(name = "nano", mixinStandardHelpOptions = true,
        versionProvider = NanoCommand.Version.class,
        header = "End-to-end encrypted messaging with post-quantum keys.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {InitCommand.class, RegisterCommand.class, SendCommand.class,
            InboxCommand.class, ListenCommand.class, ContactsCommand.class, KeysCommand.class,
            WhoamiCommand.class, ServerCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":success",
            ExitCodes.FAILURE + ":unexpected failure",
            ExitCodes.USAGE + ":bad arguments or options",
            ExitCodes.STATE + ":local state: none (run init), wrong passphrase, damaged, unregistered",
            ExitCodes.UNREACHABLE + ":the server cannot be reached",
            ExitCodes.REFUSED + ":the server refused the request (such as an unknown user)",
            ExitCodes.SECURITY + ":a security check failed (such as a contact's changed identity"
                    + " key)"},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  NANO_STATE_DIR   the state directory when --state-dir is not given",
            "  NANO_PASSPHRASE  the passphrase; without it nano asks on the terminal",
            "  NANO_JAVA_OPTS   options for the Java VM, read by the launcher script",
            "",
            "Start with: nano init --user <name>, then nano register."})
public final class NanoCommand implements Runnable {

    @Option(names = "--state-dir", paramLabel = "<dir>", scope = ScopeType.INHERIT,
            description = "The directory of the encrypted state (default: $NANO_STATE_DIR, else"
                + " ~/.nano-messenger).")
    private Path stateDirectory;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print results as JSON on stdout: one document, or one object per line"
                + " for listen.")
    private boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print the causes and stack trace of a failure, and the client's log,"
                + " on stderr.")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    private final Passphrases passphrases;
    private final InputStream stdin;
    private Output output;

    /** The command of this process: its environment, terminal and standard input. */
    public NanoCommand() {
        this(System::getenv, Passphrases.Prompter::system, System.in);
    }

    /**
     * @param environment looks up environment variables
     * @param terminal answers the terminal for passphrase prompts, or null when there is none
     * @param stdin the standard input
     */
    NanoCommand(UnaryOperator<String> environment, Supplier<Passphrases.Prompter> terminal,
            InputStream stdin) {
        this.passphrases = new Passphrases(environment, terminal);
        this.stdin = stdin;
    }

    /** Runs {@code nano} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        CommandLine commandLine = commandLine(new NanoCommand());
        commandLine.setOut(utf8(System.out));
        commandLine.setErr(utf8(System.err));
        System.exit(commandLine.execute(args));
    }

    /** The command line of {@code command}, whose handlers give each failure one line and a code. */
    static CommandLine commandLine(NanoCommand command) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine commandLine = new CommandLine(command)
                .setExecutionExceptionHandler(errors)
                .setExitCodeExceptionMapper(errors)
                .setParameterExceptionHandler(errors);
        commandLine.setExecutionStrategy(parseResult -> {
            SdkLogging.configure(command.verbose, commandLine.getErr());
            return new RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /** The top command of the command {@code spec} belongs to. */
    static NanoCommand of(CommandSpec spec) {
        return (NanoCommand) spec.root().userObject();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command");
    }

    Path stateDirectory() {
        return stateDirectory != null ? stateDirectory : NanoClient.defaultStateDirectory();
    }

    boolean json() {
        return json;
    }

    boolean verbose() {
        return verbose;
    }

    Passphrases passphrases() {
        return passphrases;
    }

    InputStream stdin() {
        return stdin;
    }

    /** Where this run prints. */
    synchronized Output output() {
        if (output == null) {
            CommandLine commandLine = spec.commandLine();
            output = new Output(commandLine.getOut(), commandLine.getErr(), json,
                    ZoneId.systemDefault());
        }
        return output;
    }

    /**
     * Opens the client in the state directory, asking for the passphrase only if there is one.
     *
     * @throws StateException {@code MISSING}, {@code WRONG_PASSPHRASE} or {@code UNUSABLE}
     * @throws CliException if there is no passphrase to be had
     */
    NanoClient openClient() throws NanoException, CliException {
        Path directory = stateDirectory();
        if (!NanoClient.exists(directory)) {
            throw new StateException(StateException.Reason.MISSING, "No client in " + directory
                    + ": run 'nano init' first, or point --state-dir or " + NanoClient.STATE_DIR_ENV
                    + " at one");
        }

        char[] passphrase = passphrases.existing(directory);
        try {
            return NanoClient.open(directory, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, UTF_8), true);
    }

    /** The version of the jar, if its manifest names one, and of the Java runtime. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = NanoCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "nano " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
