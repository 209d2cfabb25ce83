package org.sitewatch.collectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/** Real processes: small sh scripts in a temporary directory. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocalCommandRunnerTest {

    private static final String KEY = "sitewatch.collectors.endpoints[0].libvirt.drbd.command";

    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static CommandRunner runner(List<String> command, Duration timeout, Long maxOutput) throws CollectorException {
        return CommandRunner.create(new CommandSettings(command, false, timeout, maxOutput, null), KEY);
    }

    @Test
    void shouldReturnStandardOutputAndPassExtraArgumentsWordForWord() throws Exception {
        Path echo = script("echo-args", "for a in \"$@\"; do printf '<%s>' \"$a\"; done");

        String out = runner(List.of(echo.toString(), "status", "--json"), null, null).run(List.of("rbd/vm 1", "$HOME"));

        assertThat(out).isEqualTo("<status><--json><rbd/vm 1><$HOME>");
    }

    @Test
    void shouldSplitASingleCommandStringWithoutAShell() throws Exception {
        Path echo = script("echo-args", "for a in \"$@\"; do printf '<%s>' \"$a\"; done");

        String out = runner(List.of(echo + " 'one two' \"three\" $HOME;ls"), null, null).run(List.of());

        assertThat(out).isEqualTo("<one two><three><$HOME;ls>");
    }

    @Test
    void shouldRunThroughTheShellOnlyWhenAskedTo() throws Exception {
        CommandSettings shell = new CommandSettings(List.of("printf '%s|' \"$(echo a)\" | tr a b; printf '%s|'"), true, null,
                null, null);

        // the appended argument is quoted: one word, no expansion
        assertThat(CommandRunner.create(shell, KEY).run(List.of("x $HOME"))).isEqualTo("b|x $HOME|");
    }

    @Test
    void shouldFailANonZeroExitWithTheFirstLineOfStandardError() throws Exception {
        Path failing = script("failing", "echo 'partial' ; echo '' >&2; echo 'drbdsetup: resource not found' >&2; echo more >&2; exit 10");

        assertThatThrownBy(() -> runner(List.of(failing.toString()), null, null).run(List.of()))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.INTERNAL);
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("command '" + failing + "' on local exited with status 10: "
                            + "drbdsetup: resource not found");
                });
    }

    @Test
    void shouldCallAPermissionProblemAnAuthFailure() throws Exception {
        Path denied = script("denied", "echo 'open(/dev/drbd0) failed: Permission denied' >&2; exit 20");

        assertThatThrownBy(() -> runner(List.of(denied.toString()), null, null).run(List.of()))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.remedy()).contains("sudo", KEY + ".command");
                });
    }

    @Test
    void shouldKillTheWholeProcessTreeAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path slow = script("slow", "sleep 30 & echo $! > " + pidFile + "; wait");

        long started = System.nanoTime();
        assertThatThrownBy(() -> runner(List.of(slow.toString()), Duration.ofMillis(700), null).run(List.of()))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("did not finish within 700 ms", KEY + ".timeout");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pidFile).trim());
        awaitGone(child);
    }

    @Test
    void shouldStopACommandWritingMoreThanTheCap() throws Exception {
        Path chatty = script("chatty", "while true; do echo 0123456789abcdef0123456789abcdef; done");

        assertThatThrownBy(() -> runner(List.of(chatty.toString()), Duration.ofSeconds(20), 4096L).run(List.of()))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
                    assertThat(e.getMessage()).contains("more than 4096 bytes", KEY + ".max-output-bytes");
                });
    }

    @Test
    void shouldKeepOutputUpToTheCap() throws Exception {
        Path exact = script("exact", "head -c 4096 /dev/zero | tr '\\0' x");

        assertThat(runner(List.of(exact.toString()), null, 4096L).run(List.of())).hasSize(4096);
    }

    @Test
    void shouldCallAMissingProgramAPermanentConfigurationProblem() {
        assertThatThrownBy(() -> runner(List.of(dir.resolve("no-such-drbdsetup").toString(), "status"), null, null).run(List.of()))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("cannot start", "no-such-drbdsetup");
                    assertThat(e.remedy()).contains(KEY + ".command");
                });
    }

    @Test
    void shouldCallAProgramTheShellCannotFindAConfigurationProblem() {
        CommandSettings shell = new CommandSettings(List.of("no-such-rbd mirror image status"), true, null, null, null);

        assertThatThrownBy(() -> CommandRunner.create(shell, KEY).run(List.of()))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG);
                    assertThat(e.getMessage()).contains("status 127");
                });
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("process " + pid + " started by the command is still running");
    }
}
