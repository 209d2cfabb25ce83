package org.sitewatch.simulator.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A host without Debian's libvirt0: a simulator with a libvirt cluster does not start, and says what to install. */
class LibvirtMissingLibraryTest {

    @Test
    void shouldRefuseToStartSayingToInstallLibvirt0() throws Exception {
        // JNA told to look for libvirt.so.0 nowhere, as on a host without the package.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djna.library.path=/nonexistent",
                "-Djna.platform.library.path=/nonexistent", "-Djna.nosys=true",
                "-cp", System.getProperty("java.class.path"), NoLibvirtProbe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output.lines().filter(l -> l.startsWith("failed: ") || l.startsWith("started")))
                .as(output).hasSize(2).allSatisfy(l -> assertThat(l)
                        .startsWith("failed: the simulator's libvirt front needs libvirt's native library libvirt.so.0, "
                                + "which could not be loaded (UnsatisfiedLinkError: Unable to load library 'virt'")
                        .endsWith("install it with 'apt-get install libvirt0' (Debian's package; build/test "
                                + "--install-only does it for the tests)"));
        assertThat(p.exitValue()).isZero();
    }
}
