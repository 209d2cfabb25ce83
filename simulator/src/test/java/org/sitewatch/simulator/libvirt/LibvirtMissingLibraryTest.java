package org.sitewatch.simulator.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A host without Debian's libvirt0: a simulator playing the default estate still starts, leaves its
 * libvirt cluster out (no endpoint, no mirroring) and warns saying what to install.
 */
class LibvirtMissingLibraryTest {

    @Test
    void shouldLeaveTheLibvirtClusterOutSayingToInstallLibvirt0() throws Exception {
        // JNA told to look for libvirt.so.0 nowhere, as on a host without the package.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djna.library.path=/nonexistent",
                "-Djna.platform.library.path=/nonexistent", "-Djna.nosys=true",
                "-cp", System.getProperty("java.class.path"), NoLibvirtProbe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output.lines().filter(l -> l.startsWith("failed: ") || l.startsWith("started")))
                .as(output).hasSize(2).allSatisfy(l -> assertThat(l).isEqualTo("started with endpoints [paris-dc1, "
                        + "frankfurt-dc2, london-dr, berlin-vc, madrid-vc, vmc-frankfurt, oslo-hv, stockholm-hv, "
                        + "rsv-osl-neu, ocp-lyon, rhv-rome, ovmm-zurich, ctx-ams], left out [vienna-kvm]"));
        assertThat(output.lines().filter(l -> l.contains(" WARN ") && l.contains("leaving out libvirt cluster vienna-kvm")))
                .as(output).hasSize(2).allSatisfy(l -> assertThat(l)
                        .contains("(site vienna-dc5, 4 guests): no collector endpoint is made for it")
                        .contains("the simulator's libvirt front needs libvirt's native library libvirt.so.0, "
                                + "which could not be loaded (UnsatisfiedLinkError: Unable to load library 'virt'")
                        .endsWith("install it with 'apt-get install libvirt0' (Debian's package; build/test "
                                + "--install-only does it for the tests)"));
        assertThat(p.exitValue()).isZero();
    }
}
