package org.sitewatch.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * govmomi's vCenter simulator as a child process for one test class: built once from
 * {@code tools/vcsim} into the repository's {@code target/vcsim/vcsim} (rebuilt when {@code main.go} is newer),
 * started on a free loopback port, ready once it prints its {@code VCSIM_URL=} line, stopped by
 * {@link #close()}. Its output goes to {@code target/vcsim/vcsim-<port>.log}.
 *
 * <p>Building needs Go and Debian's govmomi sources; without them this fails (it does not skip)
 * and says to run {@code build/test --install-only}. Every wait is bounded.
 */
public final class VcsimProcess implements AutoCloseable {

    private static final Path GOVMOMI_SOURCES = Path.of("/usr/share/gocode/src/github.com/vmware/govmomi");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String READY = "VCSIM_URL=";

    private final Process process;
    private final URI sdkUrl;
    private final String username;
    private final String password;

    private VcsimProcess(Process process, URI urlWithLogin) {
        this.process = process;
        String[] userInfo = urlWithLogin.getUserInfo().split(":", 2);
        this.username = userInfo[0];
        this.password = userInfo[1];
        this.sdkUrl = URI.create(urlWithLogin.getScheme() + "://" + urlWithLogin.getHost() + ":" + urlWithLogin.getPort()
                + urlWithLogin.getPath());
    }

    /** Builds vcsim if needed and starts it with the default inventory plus {@code extraArgs} ({@code -vm 3}). */
    public static VcsimProcess start(String... extraArgs) {
        Path binary = build();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-l", "127.0.0.1:" + port));
        command.addAll(List.of(extraArgs));
        Path log = binary.resolveSibling("vcsim-" + port + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        CompletableFuture<URI> ready = drain(process, log);
        try {
            return new VcsimProcess(process, ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("vcsim did not print " + READY + " within " + START_TIMEOUT
                    + " (exited: " + !process.isAlive() + "); see " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting vcsim", e);
        }
    }

    /** The SOAP endpoint, without credentials ({@code http://127.0.0.1:PORT/sdk}). */
    public URI sdkUrl() {
        return sdkUrl;
    }

    /** The one user vcsim accepts. */
    public String username() {
        return username;
    }

    /** That user's password (a fixed test value of vcsim's). */
    public String password() {
        return password;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Copies the process output to the log file and completes with the URL of the ready line. */
    private static CompletableFuture<URI> drain(Process process, Path log) {
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    if (line.startsWith(READY) && !ready.isDone()) {
                        ready.complete(URI.create(line.substring(READY.length()).split("\\s+", 2)[0]));
                    }
                }
            } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("vcsim exited with " + exitCode(process)));
        }, "vcsim-output");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }

    /** The cached binary, built with tools/vcsim/build.sh when absent or older than main.go. */
    private static synchronized Path build() {
        Path tools = repositoryRoot().resolve("tools/vcsim");
        // One binary for every module's tests: the repository's own target folder.
        Path binary = repositoryRoot().resolve("target/vcsim/vcsim");
        try {
            if (Files.isExecutable(binary)
                    && Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(tools.resolve("main.go"))) >= 0) {
                return binary;
            }
            requireGo();
            Files.createDirectories(binary.getParent());
            // Built under another name and moved, so a parallel test JVM never runs a half-written binary.
            Path partial = Files.createTempFile(binary.getParent(), "vcsim", ".building");
            Path log = binary.resolveSibling("build.log");
            Process build = new ProcessBuilder("bash", tools.resolve("build.sh").toString(), partial.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                build.destroyForcibly();
                throw new IllegalStateException("building vcsim took more than " + BUILD_TIMEOUT + "; see " + log);
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException("building vcsim failed (exit " + build.exitValue() + "):\n"
                        + Files.readString(log));
            }
            Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build vcsim into " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building vcsim", e);
        }
    }

    /** Fails (the tests must not skip) when Go or govmomi's sources are missing. */
    private static void requireGo() {
        String missing = missingTools(System.getenv().getOrDefault("PATH", ""), GOVMOMI_SOURCES);
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
    }

    /** What building vcsim lacks, as the failure message; null when {@code go} is on the PATH and the sources exist. */
    static String missingTools(String pathVariable, Path govmomiSources) {
        boolean go = Stream.of(pathVariable.split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "go")));
        boolean sources = Files.isDirectory(govmomiSources);
        if (go && sources) {
            return null;
        }
        return "The VMware integration tests build govmomi's vCenter simulator and need "
                + (go ? "" : "Go (Debian golang-go) ")
                + (sources ? "" : "govmomi's sources (Debian golang-github-vmware-govmomi-dev, " + govmomiSources + ") ")
                + "- install them once with: build/test --install-only";
    }

    /** The checkout's root: the first parent of the working directory that holds tools/vcsim. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/vcsim/build.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no tools/vcsim/build.sh above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
