package org.sitewatch.collectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsException;

/** The settings blocks as the libvirt endpoint nests them, bound by the SPI's binder. */
class StorageSettingsTest {

    private static final String DRBD = "sitewatch.collectors.endpoints[0].libvirt.drbd";
    private static final String CEPH = "sitewatch.collectors.endpoints[0].libvirt.ceph";
    private final SettingsBinder binder = new SettingsBinder(Map.of("KVM_KEY", "-----BEGIN OPENSSH PRIVATE KEY-----")::get);

    private static Map<String, Object> ssh() {
        return Map.of("host", "kvm-a1.paris", "username", "sitewatch", "private-key-env", "KVM_KEY",
                "known-hosts", "/etc/sitewatch/known_hosts");
    }

    @Test
    void shouldBindADrbdBlockWithItsCommandRunOverSsh() {
        DrbdSettings s = binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", "oslo-dc2"), "node-name", "kvm-a1",
                "target-rpo", "2m", "command", Map.of("command", "sudo -n drbdsetup status --json", "timeout", "20s",
                        "ssh", ssh())), DrbdSettings.class);

        assertThat(s.peers()).containsExactly(Map.entry("kvm-b1", "oslo-dc2"));
        assertThat(s.targetRpo()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.command().words(List.of())).containsExactly("sudo", "-n", "drbdsetup", "status", "--json");
        assertThat(s.command().timeout()).isEqualTo(Duration.ofSeconds(20));
        SshSettings ssh = s.command().ssh();
        assertThat(ssh.port()).isEqualTo(22);
        assertThat(ssh.knownHosts()).isEqualTo(Path.of("/etc/sitewatch/known_hosts"));
        assertThat(ssh.acceptNewHostKeys()).isFalse();
        assertThat(ssh.privateKey().reveal()).startsWith("-----BEGIN");
        assertThat(s.toString()).doesNotContain("BEGIN").contains("environment variable KVM_KEY");
    }

    @Test
    void shouldDefaultToDrbdsetupStatusJsonOnThisHost() {
        DrbdSettings s = binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", "oslo-dc2")), DrbdSettings.class);

        assertThat(s.command().words(List.of())).containsExactly("drbdsetup", "status", "--json");
        assertThat(s.command().ssh()).isNull();
        assertThat(s.command().timeout()).isEqualTo(CommandSettings.DEFAULT_TIMEOUT);
        assertThat(s.command().maxOutputBytes()).isEqualTo(CommandSettings.DEFAULT_MAX_OUTPUT_BYTES);
    }

    @Test
    void shouldBindACephBlockAndAppendTheImageToItsCommand() {
        CephMirrorSettings s = binder.bind(CEPH, Map.of("images", Map.of("rbd/vm-100-disk-0", "oslo-dc2"),
                "time-zone", "Europe/Oslo", "command", Map.of("command", List.of("rbd", "--cluster", "site b", "mirror",
                        "image", "status", "--format", "json"))), CephMirrorSettings.class);

        assertThat(s.zone().getId()).isEqualTo("Europe/Oslo");
        assertThat(s.staleAfter()).isEqualTo(CephMirrorSettings.DEFAULT_STALE_AFTER);
        assertThat(s.command().words(List.of("rbd/vm-100-disk-0"))).containsExactly("rbd", "--cluster", "site b", "mirror",
                "image", "status", "--format", "json", "rbd/vm-100-disk-0");
    }

    @Test
    void shouldNameEachBadKey() {
        assertThatThrownBy(() -> binder.bind(DRBD, Map.of(), DrbdSettings.class))
                .isInstanceOf(SettingsException.class).hasMessageContaining(DRBD + ".peers: is required, e.g. {kvm-b1: oslo-dc2}");
        assertThatThrownBy(() -> binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", " ")), DrbdSettings.class))
                .hasMessageContaining(DRBD + ".peers.kvm-b1: must name a site");
        assertThatThrownBy(() -> binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", "oslo-dc2"),
                "command", Map.of("ssh", Map.of("host", "kvm-a1", "username", "u", "private-key", "k"))), DrbdSettings.class))
                .hasMessageContaining(DRBD + ".command.ssh.known-hosts: is required");
        assertThatThrownBy(() -> binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", "oslo-dc2"),
                "command", Map.of("ssh", Map.of("host", "kvm-a1", "port", "70000", "username", "u", "private-key", "k",
                        "known-hosts", "/k"))), DrbdSettings.class))
                .hasMessageContaining(DRBD + ".command.ssh.port: must be between 1 and 65535 but was 70000");
        assertThatThrownBy(() -> binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", "oslo-dc2"),
                "command", Map.of("command", List.of("drbdsetup", "status"), "shell", "true")), DrbdSettings.class))
                .hasMessageContaining(DRBD + ".command.command: with shell: true must be one string");
        assertThatThrownBy(() -> binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", "oslo-dc2"),
                "command", Map.of("command", "drbdsetup 'status")), DrbdSettings.class))
                .hasMessageContaining(DRBD + ".command.command: has an unclosed ' quote");
        assertThatThrownBy(() -> binder.bind(DRBD, Map.of("peers", Map.of("kvm-b1", "oslo-dc2"),
                "command", Map.of("max-output-bytes", "10")), DrbdSettings.class))
                .hasMessageContaining(DRBD + ".command.max-output-bytes: must be at least 1024 but was 10");
        assertThatThrownBy(() -> binder.bind(CEPH, Map.of("images", Map.of("vm-100-disk-0", "oslo-dc2")), CephMirrorSettings.class))
                .hasMessageContaining(CEPH + ".images.vm-100-disk-0: must be pool/image or pool/namespace/image");
        assertThatThrownBy(() -> binder.bind(CEPH, Map.of("images", Map.of("rbd/vm-1", "oslo-dc2"), "time-zone", "Mars/Olympus"),
                CephMirrorSettings.class))
                .hasMessageContaining(CEPH + ".time-zone: unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> binder.bind(CEPH, Map.of("images", Map.of("rbd/vm-1", "oslo-dc2"), "stale-after", "0s"),
                CephMirrorSettings.class))
                .hasMessageContaining(CEPH + ".stale-after: must be positive");
    }

    @Test
    void shouldSplitAndQuoteCommandLines() {
        assertThat(CommandLine.split("  rbd --id 'site b'  \"x \\\"y\\\"\" a'b'c ")).containsExactly("rbd", "--id", "site b",
                "x \"y\"", "abc");
        assertThat(CommandLine.quoteForShell(List.of("rbd", "rbd/vm-1", "it's", "$HOME", ""))).isEqualTo(
                "rbd rbd/vm-1 'it'\\''s' '$HOME' ''");
        assertThatThrownBy(() -> CommandLine.split("a\nb")).hasMessageContaining("one line");
    }
}
