package org.sitewatch.collectors.storage;

import java.time.Duration;
import java.util.List;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;

/**
 * How to run a status command, e.g.
 * <pre>
 * command:
 *   command: [sudo, -n, drbdsetup, status, --json]   # or one string: "sudo -n drbdsetup status --json"
 *   timeout: 20s
 *   ssh: {host: kvm1.paris, username: sitewatch, private-key-file: /etc/sitewatch/id_ecdsa,
 *         known-hosts: /etc/sitewatch/known_hosts}
 * </pre>
 *
 * <p>{@code command} is the program and its arguments. A list of two or more entries is taken word
 * for word; a single string is split into words at spaces, with {@code '...'} and {@code "..."}
 * quoting and no other shell syntax ({@link CommandLine#split}). No shell runs unless
 * {@code shell: true}: then the command must be one string and is run by {@code /bin/sh -c} (locally)
 * or given to the login shell as it is (over SSH). Over SSH without {@code shell}, each word is
 * quoted so the remote login shell passes it unchanged.
 *
 * @param command the program and its arguments; null for the caller's default (see {@link #orDefault})
 * @param shell run the single command string through a shell (pipes, redirections); false by default
 * @param timeout longest the command may run before it is killed; 30 s by default
 * @param maxOutputBytes the most standard output kept; more fails the run; 4 MiB by default
 * @param ssh where to run it; null to run it on this machine
 */
public record CommandSettings(List<String> command, boolean shell, Duration timeout, Long maxOutputBytes,
                              SshSettings ssh) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 4L * 1024 * 1024;

    public CommandSettings {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        maxOutputBytes = maxOutputBytes == null ? DEFAULT_MAX_OUTPUT_BYTES : maxOutputBytes;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidSettingException("timeout", "must be positive but was " + timeout);
        }
        if (maxOutputBytes < 1024) {
            throw new InvalidSettingException("max-output-bytes", "must be at least 1024 but was " + maxOutputBytes);
        }
        if (command != null) {
            command = List.copyOf(command);
            checkCommand(command, shell);
        } else if (shell) {
            throw new InvalidSettingException("shell", "needs a command string to give to the shell");
        }
    }

    /** The same settings with {@code defaultCommand} when none was configured. */
    public CommandSettings orDefault(List<String> defaultCommand) {
        return command != null ? this : new CommandSettings(defaultCommand, shell, timeout, maxOutputBytes, ssh);
    }

    /** Settings for a local command with the defaults. */
    public static CommandSettings local(List<String> command) {
        return new CommandSettings(command, false, null, null, null);
    }

    /**
     * The program and arguments to run, {@code extraArguments} appended (quoted for the shell when
     * {@code shell} is set). For a shell command this is the one command string.
     */
    List<String> words(List<String> extraArguments) {
        if (command == null) {
            throw new IllegalStateException("no command configured and no default given");
        }
        if (shell) {
            String line = command.get(0);
            return List.of(extraArguments.isEmpty() ? line : line + " " + CommandLine.quoteForShell(extraArguments));
        }
        List<String> words = new java.util.ArrayList<>(command.size() == 1 ? CommandLine.split(command.get(0)) : command);
        words.addAll(extraArguments);
        return List.copyOf(words);
    }

    private static void checkCommand(List<String> command, boolean shell) {
        if (command.isEmpty() || command.stream().anyMatch(w -> w == null)) {
            throw new InvalidSettingException("command", "must name a program, e.g. [drbdsetup, status, --json]");
        }
        if (shell && command.size() != 1) {
            throw new InvalidSettingException("command", "with shell: true must be one string (the shell parses it), not a list of "
                    + command.size() + " words");
        }
        if (!shell) {
            try {
                List<String> words = command.size() == 1 ? CommandLine.split(command.get(0)) : command;
                if (words.isEmpty() || words.get(0).isBlank()) {
                    throw new InvalidSettingException("command", "must name a program, e.g. [drbdsetup, status, --json]");
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof InvalidSettingException) {
                    throw e;
                }
                throw new InvalidSettingException("command", e.getMessage());
            }
        }
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
