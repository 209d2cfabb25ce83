package org.sitewatch.collectors.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Runs the command on this machine with {@link ProcessBuilder} (no shell unless {@code shell: true},
 * then {@code /bin/sh -c}). Standard input is closed at once; standard output is kept up to
 * {@code max-output-bytes}, standard error up to 16 KiB for the failure message. On time-out or
 * too much output the process and every process it started are killed.
 */
final class LocalCommandRunner implements CommandRunner {

    private static final long STDERR_LIMIT = 16 * 1024;
    /** How long to wait for the output to drain after the process ended (a child may hold the pipe). */
    private static final long DRAIN_MILLIS = 2_000;

    private final CommandSettings settings;
    private final String key;

    LocalCommandRunner(CommandSettings settings, String key) {
        this.settings = settings;
        this.key = key;
    }

    @Override
    public String where() {
        return "local";
    }

    @Override
    public String run(List<String> extraArguments) throws CollectorException {
        List<String> words = settings.words(extraArguments);
        String program = CommandFailures.program(words);
        List<String> argv = settings.shell() ? List.of("/bin/sh", "-c", words.get(0)) : words;
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, "cannot start '" + program + "' on local: "
                    + e.getMessage(), "Install " + program + " on this machine or give its full path in " + key + ".command", e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process did not want input anyway
        }
        BoundedOutput stdout = new BoundedOutput(settings.maxOutputBytes(), () -> killTree(process));
        BoundedOutput stderr = new BoundedOutput(STDERR_LIMIT, () -> { });
        Thread outReader = copy(process.getInputStream(), stdout, "stdout of " + program);
        Thread errReader = copy(process.getErrorStream(), stderr, "stderr of " + program);
        boolean finished;
        try {
            finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, "interrupted while '" + program + "' ran", e);
        }
        if (!finished) {
            killTree(process);
        }
        drain(process, outReader, errReader);
        if (stdout.overflowed()) {
            throw CommandFailures.tooMuchOutput(where(), program, settings.maxOutputBytes(), key);
        }
        if (!finished) {
            throw CommandFailures.timedOut(where(), program, settings.timeout(), key);
        }
        if (process.exitValue() != 0) {
            throw CommandFailures.exit(where(), program, process.exitValue(), stderr.firstLine(), key);
        }
        return stdout.text();
    }

    /** Kills the process and all its descendants, children first so none is re-parented and missed. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void drain(Process process, Thread... readers) {
        try {
            for (Thread reader : readers) {
                reader.join(DRAIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A background child still holding the pipe: stop waiting for it.
        closeQuietly(process.getInputStream());
        closeQuietly(process.getErrorStream());
    }

    private static Thread copy(InputStream in, OutputStream out, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // closed by drain() or by the kill: what was read is kept
            }
        }, "command " + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read
        }
    }

    @Override
    public void close() {
        // nothing held between runs
    }
}
