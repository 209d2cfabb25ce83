package org.sitewatch.audit.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.sitewatch.audit.cli.ReplayCommand;
import org.sitewatch.audit.cli.RetentionCommand;
import org.sitewatch.audit.cli.StateCommand;
import org.sitewatch.audit.cli.VerifyCommand;
import picocli.CommandLine;

/**
 * Runs an audit command as the {@code sitewatch} launcher does, capturing stdout and stderr. Not
 * thread-safe (it swaps {@code System.out} and {@code System.err}); tests run one at a time.
 */
public final class Cli {

    /** What a command printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    @CommandLine.Command(name = "sitewatch", subcommands = {ReplayCommand.class, StateCommand.class, VerifyCommand.class,
            RetentionCommand.class})
    public static final class Root {
    }

    private Cli() {
    }

    public static Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Root()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
