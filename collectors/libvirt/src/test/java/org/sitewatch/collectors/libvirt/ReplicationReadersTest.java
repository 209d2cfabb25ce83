package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationStatus;

/**
 * One reading of the endpoint's {@code drbd} and {@code ceph} blocks, without libvirt: each block
 * that cannot be read is a partial read of its own scope whose reason carries the remedy, and does
 * not take the other block's records with it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplicationReadersTest {

    private static final String KEY = "sitewatch.collectors.endpoints[0].libvirt";

    @TempDir
    Path dir;

    private ReplicationReaders readers(Map<String, Object> blocks) throws Exception {
        EndpointConfig.Builder b = LibvirtTestDriver.endpoint("lab", Map.of("kvm1", "test:///default"))
                .vendorKey(KEY);
        blocks.forEach(b::setting);
        EndpointConfig endpoint = b.build();
        return new ReplicationReaders(endpoint, endpoint.settings(LibvirtSettings.class), Clock.systemUTC());
    }

    @Test
    void shouldKeepAFailingCephBlockToItselfAndNameTheKeyToFix() throws Exception {
        DrbdScript drbd = new DrbdScript(dir).answer(DrbdScript.connected());
        ReplicationReaders readers = readers(Map.of("drbd", drbd.block(),
                "ceph", Map.of("images", Map.of("rbd/vm-100-disk-0", "oslo-dc2"),
                        "command", Map.of("command", List.of(dir.resolve("no-such-rbd").toString(), "mirror")))));
        try {
            Snapshot reading = readers.read();

            assertThat(reading.states()).singleElement().isInstanceOfSatisfying(ReplicationStatus.class,
                    r -> assertThat(r.itemId()).isEqualTo(DrbdScript.ITEM));
            assertThat(reading.unreadable()).singleElement().satisfies(read -> {
                assertThat(read.type()).isEqualTo(EventType.REPLICATION_STATUS);
                assertThat(read.scope()).isEqualTo(Scope.endpoint("libvirt.ceph"));
                assertThat(read.reason()).contains("no-such-rbd", KEY + ".ceph.command.command");
            });
        } finally {
            readers.close();
        }
    }

    /**
     * A real SSH server (Apache MINA) on 127.0.0.1: no known-hosts file yet (the reader cannot be
     * created), then a file without the host's key, then the key known but ours not authorized.
     * Each is a partial read whose reason ends with what to do; creating the reader is retried.
     */
    @Test
    void shouldReportSshFailuresWithTheirRemedyAndRetryCreatingTheReader() throws Exception {
        KeyPair hostKey = ecKey();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> false);
        server.start();
        Path knownHosts = dir.resolve("known_hosts");
        ReplicationReaders readers = readers(Map.of("drbd", Map.of("peers", Map.of(DrbdScript.PEER, DrbdScript.PEER_SITE),
                "command", Map.of("command", "sudo -n drbdsetup status --json", "ssh", Map.of("host", "127.0.0.1",
                        "port", server.getPort(), "username", "sitewatch", "private-key-file", privateKeyFile().toString(),
                        "known-hosts", knownHosts.toString(), "connect-timeout", "5s")))));
        try {
            assertThat(onlyPartialRead(readers.read()).reason())
                    .contains(KEY + ".drbd.command.ssh.known-hosts: file " + knownHosts + " does not exist",
                            "Create it with the host's key: ssh-keyscan -p " + server.getPort() + " 127.0.0.1");

            Files.writeString(knownHosts, "# nothing yet\n");
            assertThat(onlyPartialRead(readers.read()).reason())
                    .contains("is not in " + knownHosts, "ssh-keyscan -p " + server.getPort() + " 127.0.0.1 >> " + knownHosts);

            Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic())
                    + "\n", StandardOpenOption.APPEND);
            assertThat(onlyPartialRead(readers.read()).reason()).contains("authorized_keys");
        } finally {
            readers.close();
            server.stop(true);
        }
    }

    private static PartialRead onlyPartialRead(Snapshot reading) {
        assertThat(reading.states()).isEmpty();
        assertThat(reading.unreadable()).singleElement()
                .satisfies(read -> assertThat(read.scope()).isEqualTo(Scope.endpoint("libvirt.drbd")));
        return reading.unreadable().get(0);
    }

    private Path privateKeyFile() throws Exception {
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(ecKey(), "sitewatch-test", null, pem);
        return Files.write(dir.resolve("id_ecdsa"), pem.toByteArray());
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
