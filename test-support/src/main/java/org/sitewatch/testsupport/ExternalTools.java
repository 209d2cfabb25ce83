package org.sitewatch.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the real programs some tests need (Prometheus, promtool, Alertmanager, amtool,
 * Chromium). A missing program fails the test, never skips it, with the exact command that
 * installs everything the suite needs.
 *
 * <p>Limit: looks on the PATH and in {@code /usr/bin} only; the install hint is for Debian/Ubuntu.
 */
public final class ExternalTools {

    /** Installs every external program the test suite runs (Debian 12 package names). */
    public static final String INSTALL_COMMAND =
            "apt-get install -y --no-install-recommends prometheus prometheus-alertmanager chromium";

    private static final Map<String, String> PACKAGE_OF = Map.of(
            "prometheus", "prometheus",
            "promtool", "prometheus",
            "prometheus-alertmanager", "prometheus-alertmanager",
            "amtool", "prometheus-alertmanager",
            "chromium", "chromium");

    private ExternalTools() {
    }

    /** What a finished command returned and printed (stdout and stderr together). */
    public record Result(int exitCode, String output) {
    }

    /** The absolute path of {@code program}, or an {@link AssertionError} that says how to install it. */
    public static Path require(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String debianPackage = PACKAGE_OF.getOrDefault(program, "a package providing " + program);
        throw new AssertionError(program + " is not installed (Debian package " + debianPackage + "). "
                + "These tests run the real program: install what the suite needs with '" + INSTALL_COMMAND
                + "' (as root; 'build/test --install-only' runs it for what is missing).");
    }

    /** Runs {@code command} in {@code workDir} and waits at most {@code timeout} for it to finish. */
    public static Result run(Path workDir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("sitewatch-tool-", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ": "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs {@code command} in {@code workDir}, allowing it one minute. */
    public static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        return run(workDir, Duration.ofMinutes(1), List.of(command));
    }
}
