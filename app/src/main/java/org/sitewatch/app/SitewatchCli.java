package org.sitewatch.app;

import org.sitewatch.audit.cli.ReplayCommand;
import org.sitewatch.audit.cli.RetentionCommand;
import org.sitewatch.audit.cli.StateCommand;
import org.sitewatch.audit.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sitewatch} command line. Each subcommand runs one part; {@code run} runs them all in one
 * process on an embedded Kafka broker. Every option also has an environment variable (shown in
 * {@code --help}), and {@code run}, {@code collectors} and {@code streams} take any Spring property
 * as {@code --name=value} among their options ({@link SpringArguments}).
 */
@Command(name = "sitewatch", mixinStandardHelpOptions = true, versionProvider = SitewatchCli.Version.class,
        description = "Event-driven multi-site HA and replication monitor.",
        subcommands = {RunCommand.class, CollectorsCommand.class, StreamsCommand.class, SimulatorCommand.class,
                ReplayCommand.class, StateCommand.class, VerifyCommand.class, RetentionCommand.class,
                CommandLine.HelpCommand.class})
public class SitewatchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line as {@link #main} runs it; tests parse with it without running anything. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SitewatchCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A failure says what went wrong and what to do next, without a stack trace wall.
            commandLine.getErr().println("sitewatch: " + rootMessage(e));
            if (System.getenv("SITEWATCH_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set SITEWATCH_DEBUG=1 for the stack trace)");
            }
            return 1;
        });
        // Spring properties (--name=value) are options these parts do not know; SpringArguments checks them.
        for (String part : new String[] {"run", "collectors", "streams"}) {
            cli.getSubcommands().get(part).setUnmatchedArgumentsAllowed(true);
        }
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder message = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
                message.append(": ").append(t.getMessage());
            }
        }
        return message.toString();
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SitewatchCli.class.getPackage().getImplementationVersion();
            return new String[] {"sitewatch " + (v == null ? "dev" : v)};
        }
    }
}
