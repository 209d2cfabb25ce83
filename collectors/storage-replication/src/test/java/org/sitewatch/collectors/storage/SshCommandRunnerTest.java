package org.sitewatch.collectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.events.CollectorErrorKind;

/** The SSH runner against a real in-process Apache MINA SSH server on 127.0.0.1 (one per class). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SshCommandRunnerTest {

    private static final String KEY = "sitewatch.collectors.endpoints[0].libvirt.drbd.command";
    private static final KeyPair HOST_KEY = ScriptedSshServer.ecKey();
    private static final KeyPair CLIENT_KEY = ScriptedSshServer.ecKey();
    private static ScriptedSshServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws IOException {
        server = new ScriptedSshServer(HOST_KEY, CLIENT_KEY);
        server.answer("drbdsetup status --json", () -> ScriptedSshServer.Reply.out("[{\"name\":\"vmdisk-100\"}]"));
        server.answer("rbd mirror image status --format json 'rbd/vm 1'", () -> ScriptedSshServer.Reply.out("{}"));
        server.answer("drbdsetup status --json slow", () -> new ScriptedSshServer.Reply("late", "", 0, 20_000));
        server.answer("drbdsetup status --json broken", () -> new ScriptedSshServer.Reply("", "drbdsetup: No such resource\n", 10, 0));
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    private Path knownHosts(KeyPair hostKey) throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        return file;
    }

    private static Secret privateKey(KeyPair pair) throws Exception {
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "sitewatch-test", null, pem);
        return Secret.inline(pem.toString(StandardCharsets.US_ASCII));
    }

    /** The key in OpenSSH format encrypted with {@code passphrase} (bcrypt KDF, AES-256-CTR, like ssh-keygen). */
    private static Secret encryptedKey(KeyPair pair, String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword(passphrase);
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        encryption.setKdfRounds(4);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "sitewatch-test", encryption, pem);
        return Secret.fromFile(pem.toString(StandardCharsets.US_ASCII), "/etc/sitewatch/id_ecdsa");
    }

    private static CommandRunner runner(int port, KeyPair clientKey, Path knownHosts, boolean acceptNew, Duration timeout)
            throws Exception {
        SshSettings ssh = new SshSettings("127.0.0.1", port, "monitor", privateKey(clientKey), null, knownHosts, acceptNew,
                Duration.ofSeconds(5));
        return CommandRunner.create(new CommandSettings(DrbdSettings.DEFAULT_COMMAND, false, timeout, null, ssh), KEY);
    }

    @Test
    void shouldRunTheCommandAndReturnItsOutput() throws Exception {
        try (CommandRunner runner = runner(server.port(), CLIENT_KEY, knownHosts(HOST_KEY), false, null)) {
            assertThat(runner.run(List.of())).isEqualTo("[{\"name\":\"vmdisk-100\"}]");
            assertThat(runner.where()).isEqualTo("ssh monitor@[127.0.0.1]:" + server.port());
        }
    }

    @Test
    void shouldQuoteEachWordForTheRemoteShell() throws Exception {
        SshSettings ssh = new SshSettings("127.0.0.1", server.port(), "monitor", privateKey(CLIENT_KEY), null,
                knownHosts(HOST_KEY), false, null);
        try (CommandRunner runner = CommandRunner.create(new CommandSettings(CephMirrorSettings.DEFAULT_COMMAND, false, null,
                null, ssh), KEY)) {
            assertThat(runner.run(List.of("rbd/vm 1"))).isEqualTo("{}");
        }
        assertThat(server.received).contains("rbd mirror image status --format json 'rbd/vm 1'");
    }

    @Test
    void shouldReportARefusedKeyAsAnAuthFailure() throws Exception {
        try (CommandRunner runner = runner(server.port(), ScriptedSshServer.ecKey(), knownHosts(HOST_KEY), false, null)) {
            assertThatThrownBy(() -> runner.run(List.of()))
                    .isInstanceOfSatisfying(CollectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.remedy()).contains("authorized_keys", KEY + ".ssh.private-key");
                    });
        }
    }

    @Test
    void shouldRefuseAnUnknownHostKeyWithTheKeyscanLine() throws Exception {
        Path empty = Files.writeString(dir.resolve("known_hosts"), "# nothing yet\n");
        int ran = server.received.size();
        try (CommandRunner runner = runner(server.port(), CLIENT_KEY, empty, false, null)) {
            assertThatThrownBy(() -> runner.run(List.of()))
                    .isInstanceOfSatisfying(CollectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CollectorErrorKind.TLS);
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.getMessage()).contains("is not in " + empty, "SHA256:");
                        assertThat(e.remedy()).contains("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + empty,
                                KEY + ".ssh.accept-new-host-keys");
                    });
        }
        assertThat(server.received).as("no command reached the server").hasSize(ran);
    }

    @Test
    void shouldRefuseAChangedHostKeyEvenWhenNewKeysAreAccepted() throws Exception {
        Path stale = knownHosts(ScriptedSshServer.ecKey());
        try (CommandRunner runner = runner(server.port(), CLIENT_KEY, stale, true, null)) {
            assertThatThrownBy(() -> runner.run(List.of()))
                    .isInstanceOfSatisfying(CollectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CollectorErrorKind.TLS);
                        assertThat(e.getMessage()).contains("differs");
                        assertThat(e.remedy()).contains("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'");
                    });
        }
    }

    @Test
    void shouldTrustANewHostOnFirstUseOnlyWhenConfiguredAndRememberIt() throws Exception {
        Path file = dir.resolve("new_known_hosts");
        try (CommandRunner runner = runner(server.port(), CLIENT_KEY, file, true, null)) {
            assertThat(runner.run(List.of())).startsWith("[{");
        }
        assertThat(Files.readString(file)).contains("[127.0.0.1]:" + server.port(), "ecdsa-sha2-nistp256");
    }

    @Test
    void shouldAskForAKnownHostsFileThatExists() {
        assertThatThrownBy(() -> runner(server.port(), CLIENT_KEY, dir.resolve("missing"), false, null))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG);
                    assertThat(e.getMessage()).contains(KEY + ".ssh.known-hosts");
                    assertThat(e.remedy()).contains("ssh-keyscan -p " + server.port() + " 127.0.0.1");
                });
    }

    @Test
    void shouldReportAServerThatIsDownAsARetriableConnectFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (CommandRunner runner = runner(closedPort, CLIENT_KEY, knownHosts(HOST_KEY), false, null)) {
            assertThatThrownBy(() -> runner.run(List.of()))
                    .isInstanceOfSatisfying(CollectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONNECT);
                        assertThat(e.permanent()).isFalse();
                    });
        }
    }

    @Test
    void shouldStopACommandThatOutlivesTheTimeout() throws Exception {
        try (CommandRunner runner = runner(server.port(), CLIENT_KEY, knownHosts(HOST_KEY), false, Duration.ofMillis(800))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> runner.run(List.of("slow")))
                    .isInstanceOfSatisfying(CollectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
                        assertThat(e.permanent()).isFalse();
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void shouldReportANonZeroExitWithTheRemoteStandardError() throws Exception {
        try (CommandRunner runner = runner(server.port(), CLIENT_KEY, knownHosts(HOST_KEY), false, null)) {
            assertThatThrownBy(() -> runner.run(List.of("broken")))
                    .isInstanceOfSatisfying(CollectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CollectorErrorKind.INTERNAL);
                        assertThat(e.getMessage()).isEqualTo("command 'drbdsetup' on ssh monitor@[127.0.0.1]:" + server.port()
                                + " exited with status 10: drbdsetup: No such resource");
                    });
        }
    }

    @Test
    void shouldLogInWithAPassphraseProtectedKeyAndNameTheKeyWhenThePassphraseIsWrong() throws Exception {
        Secret key = encryptedKey(CLIENT_KEY, "correct horse");
        SshSettings right = new SshSettings("127.0.0.1", server.port(), "monitor", key, Secret.inline("correct horse"),
                knownHosts(HOST_KEY), false, null);
        try (CommandRunner runner = CommandRunner.create(new CommandSettings(DrbdSettings.DEFAULT_COMMAND, false, null, null,
                right), KEY)) {
            assertThat(runner.run(List.of())).startsWith("[{");
        }

        SshSettings wrong = new SshSettings("127.0.0.1", server.port(), "monitor", key, Secret.inline("battery staple"),
                knownHosts(HOST_KEY), false, null);
        assertThatThrownBy(() -> CommandRunner.create(new CommandSettings(DrbdSettings.DEFAULT_COMMAND, false, null, null,
                wrong), KEY))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG);
                    assertThat(e.getMessage()).contains(KEY + ".ssh.private-key", "/etc/sitewatch/id_ecdsa")
                            .doesNotContain("battery");
                    assertThat(e.remedy()).contains(KEY + ".ssh.passphrase");
                });
    }

    @Test
    void shouldNameTheKeyOfAnUnreadablePrivateKey() throws Exception {
        SshSettings ssh = new SshSettings("127.0.0.1", server.port(), "monitor", Secret.fromFile("not a key", "/etc/key"),
                null, knownHosts(HOST_KEY), false, null);
        assertThatThrownBy(() -> CommandRunner.create(new CommandSettings(DrbdSettings.DEFAULT_COMMAND, false, null, null, ssh), KEY))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG);
                    assertThat(e.getMessage()).contains(KEY + ".ssh.private-key", "file /etc/key").doesNotContain("not a key");
                });
    }
}
