package org.sitewatch.app.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real command-line tool of the monitoring stack (promtool, amtool) and returns its exit code
 * and output. A missing tool fails the test with what to install: ./build/test installs them.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    public record Result(int exitCode, String output) {
    }

    /** The absolute path of {@code name} on PATH, or a failure that says which package brings it. */
    public static Path require(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not on the PATH; this test runs the real tool. Install it with: "
                + "sudo apt-get install -y --no-install-recommends " + debianPackage + " (or run ./build/test --install-only as root, which "
                + "installs every tool the tests need)");
    }

    public static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
