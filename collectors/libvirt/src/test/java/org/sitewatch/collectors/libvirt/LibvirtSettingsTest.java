package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsBlock;
import org.sitewatch.collectors.spi.settings.SettingsException;
import org.sitewatch.collectors.storage.CephMirrorSettings;

class LibvirtSettingsTest {

    private static final String KEY = "sitewatch.collectors.endpoints[0].libvirt";

    private static LibvirtSettings bind(Map<String, Object> tree) {
        return new SettingsBlock(KEY, tree).bind(LibvirtSettings.class, new SettingsBinder());
    }

    private static Map<String, Object> hosts(Map<?, ?>... hosts) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("hosts", List.of(hosts));
        return tree;
    }

    private static List<String> problems(Map<String, Object> tree) {
        try {
            bind(tree);
            throw new AssertionError("expected a settings error");
        } catch (SettingsException e) {
            return e.problems();
        }
    }

    @Test
    void shouldBindHostsOfEveryUriFormAndApplyDefaults() {
        LibvirtSettings s = bind(hosts(
                Map.of("name", "kvm1", "uri", "qemu:///system"),
                Map.of("name", "kvm2", "uri", "qemu+ssh://monitor@kvm2.example/system?keyfile=/etc/sitewatch/id_ed25519"),
                Map.of("name", "kvm3", "uri", "qemu+tls://kvm3.example/system"),
                Map.of("name", "lab", "uri", "test:///default"),
                Map.of("name", "lab2", "uri", "test:///var/lib/sitewatch/node.xml")));

        assertThat(s.hosts()).extracting(LibvirtHost::name).containsExactly("kvm1", "kvm2", "kvm3", "lab", "lab2");
        assertThat(s.keepaliveInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.keepaliveCount()).isEqualTo(5);
        assertThat(s.reconnectBackoffMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.reconnectBackoffMax()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldRefuseAWrongSchemeNamingTheHostsKey() {
        assertThat(problems(hosts(Map.of("name", "kvm1", "uri", "qemu:///system"),
                Map.of("name", "kvm2", "uri", "https://kvm2.example/system"))))
                .containsExactly(KEY + ".hosts[1].uri: scheme 'https' is not a libvirt KVM URI (use qemu, qemu+ssh, "
                        + "qemu+tls, qemu+tcp, qemu+unix or the test driver test)");
        assertThat(problems(hosts(Map.of("name", "kvm1", "uri", "qemu+carrier-pigeon://kvm1/system"))))
                .singleElement().asString().startsWith(KEY + ".hosts[0].uri: scheme 'qemu+carrier-pigeon'");
        assertThat(problems(hosts(Map.of("name", "kvm1", "uri", "kvm1.example"))))
                .singleElement().asString().startsWith(KEY + ".hosts[0].uri: must look like qemu:///system");
    }

    @Test
    void shouldRefuseDuplicateHostNamesAndMissingKeys() {
        assertThat(problems(hosts(Map.of("name", "kvm1", "uri", "qemu:///system"),
                Map.of("name", "kvm1", "uri", "qemu+ssh://kvm1b/system"))))
                .containsExactly(KEY + ".hosts[1].name: host name 'kvm1' is given twice; each host needs its own name");
        assertThat(problems(hosts(Map.of("uri", "qemu:///system"))))
                .containsExactly(KEY + ".hosts[0].name: is required, e.g. kvm1");
        assertThat(problems(new LinkedHashMap<>())).singleElement().asString().startsWith(KEY + ".hosts: is required");
    }

    @Test
    void shouldRefuseBadKeepaliveAndBackoff() {
        Map<String, Object> tree = hosts(Map.of("name", "kvm1", "uri", "qemu:///system"));
        tree.put("keepalive-interval", "1500ms");
        tree.put("keepalive-count", "0");
        assertThat(problems(tree)).singleElement().asString()
                .isEqualTo(KEY + ".keepalive-interval: must be whole seconds, at least 1s, but was 1.5s");

        tree.remove("keepalive-interval");
        assertThat(problems(tree)).containsExactly(KEY + ".keepalive-count: must be at least 1 but was 0");

        tree.remove("keepalive-count");
        tree.put("reconnect-backoff-min", "10s");
        tree.put("reconnect-backoff-max", "2s");
        assertThat(problems(tree)).singleElement().asString().startsWith(KEY + ".reconnect-backoff-max: must not be shorter");
    }

    @Test
    void onlyTheTestDriverWithoutAHostRunsInThisProcess() {
        assertThat(new LibvirtHost("t", "test:///default").inProcessDriver()).isTrue();
        assertThat(new LibvirtHost("t", "test:///tmp/node.xml").inProcessDriver()).isTrue();
        assertThat(new LibvirtHost("q", "qemu:///system").inProcessDriver()).as("through libvirtd's socket").isFalse();
        assertThat(new LibvirtHost("r", "qemu+ssh://monitor@kvm1/system").inProcessDriver()).isFalse();
        assertThat(new LibvirtHost("d", "test+tcp://lab1/default").inProcessDriver()).isFalse();
    }

    @Test
    void shouldDoubleTheReconnectWaitUpToTheMaximum() {
        Map<String, Object> tree = hosts(Map.of("name", "kvm1", "uri", "qemu:///system"));
        tree.put("reconnect-backoff-min", "1s");
        tree.put("reconnect-backoff-max", "5s");
        LibvirtSettings s = bind(tree);

        assertThat(List.of(s.backoff(1), s.backoff(2), s.backoff(3), s.backoff(4), s.backoff(50)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void shouldShowAUriWithoutItsPassword() {
        assertThat(new LibvirtHost("kvm1", "qemu+ssh://monitor:hunter2@kvm1/system").displayUri())
                .isEqualTo("qemu+ssh://***@kvm1/system");
        assertThat(new LibvirtHost("kvm1", "qemu+ssh://monitor@kvm1/system").displayUri())
                .isEqualTo("qemu+ssh://monitor@kvm1/system");
        assertThatThrownBy(() -> new LibvirtHost(" ", "qemu:///system")).hasMessage("must not be blank");
    }

    @Test
    void shouldBindTheDrbdAndCephBlocksWithTheKeysTheSimulatorUses(@TempDir Path dir) throws Exception {
        // The binder reads the key file (its content is not checked here; the SSH client parses it).
        Path key = Files.writeString(dir.resolve("id_ecdsa"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        Map<String, Object> tree = hosts(Map.of("name", "kvm-a1", "uri", "qemu:///system"));
        tree.put("drbd", Map.of("command", Map.of("command", List.of("cat", "/tmp/drbd-status.json")),
                "peers", Map.of("kvm-b1", "oslo-dc2"), "node-name", "kvm-a1", "target-rpo", "2m"));
        tree.put("ceph", Map.of("images", Map.of("rbd/vm-100-disk-0", "oslo-dc2"), "time-zone", "Europe/Oslo",
                "command", Map.of("command", "rbd --id mirror-monitor mirror image status --format json",
                        "ssh", Map.of("host", "ceph-mon1.oslo", "username", "sitewatch",
                                "private-key-file", key.toString(),
                                "known-hosts", "/etc/sitewatch/ssh/known_hosts"))));

        LibvirtSettings s = bind(tree);

        assertThat(s.drbd().peers()).containsExactly(Map.entry("kvm-b1", "oslo-dc2"));
        assertThat(s.drbd().nodeName()).isEqualTo("kvm-a1");
        assertThat(s.drbd().targetRpo()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.drbd().command().command()).containsExactly("cat", "/tmp/drbd-status.json");
        assertThat(s.drbd().command().ssh()).isNull();
        assertThat(s.ceph().images()).containsExactly(Map.entry("rbd/vm-100-disk-0", "oslo-dc2"));
        assertThat(s.ceph().staleAfter()).isEqualTo(CephMirrorSettings.DEFAULT_STALE_AFTER);
        assertThat(s.ceph().command().ssh().host()).isEqualTo("ceph-mon1.oslo");
        assertThat(s.ceph().command().ssh().port()).isEqualTo(22);

        LibvirtSettings without = bind(hosts(Map.of("name", "kvm-a1", "uri", "qemu:///system")));
        assertThat(without.drbd()).isNull();
        assertThat(without.ceph()).isNull();
    }

    @Test
    void shouldRefuseBadDrbdAndCephBlocksNamingTheNestedKey() {
        Map<String, Object> tree = hosts(Map.of("name", "kvm-a1", "uri", "qemu:///system"));
        tree.put("drbd", Map.of("node-name", "kvm-a1"));
        assertThat(problems(tree)).singleElement().asString().startsWith(KEY + ".drbd.peers: is required");

        tree.put("drbd", Map.of("peers", Map.of("kvm-b1", "oslo-dc2"), "command", Map.of("timeout", "0s")));
        assertThat(problems(tree)).singleElement().asString()
                .isEqualTo(KEY + ".drbd.command.timeout: must be positive but was PT0S");

        tree.put("drbd", Map.of("peers", Map.of("kvm-b1", "oslo-dc2"), "command", Map.of("ssh", Map.of("host", "kvm-a1"))));
        assertThat(problems(tree)).anySatisfy(p -> assertThat(p).startsWith(KEY + ".drbd.command.ssh.username: is required"));

        tree.remove("drbd");
        tree.put("ceph", Map.of("images", Map.of("rbd/vm-100-disk-0", "oslo-dc2"), "time-zone", "Mars/Olympus"));
        assertThat(problems(tree)).singleElement().asString().startsWith(KEY + ".ceph.time-zone: unknown time zone 'Mars/Olympus'");

        tree.put("ceph", Map.of("images", Map.of("-rf", "oslo-dc2")));
        assertThat(problems(tree)).singleElement().asString()
                .isEqualTo(KEY + ".ceph.images.-rf: must be pool/image or pool/namespace/image");
    }
}
