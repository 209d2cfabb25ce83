package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

class LibvirtEventLoopTest {

    @Test
    void shouldTurnAMissingNativeLibraryIntoAConfigErrorThatSaysWhatToInstall() {
        UnsatisfiedLinkError missing = new UnsatisfiedLinkError("Unable to load library 'virt':\n"
                + "libvirt.so: cannot open shared object file: No such file or directory");

        CollectorException e = LibvirtEventLoop.libraryMissing(new ExceptionInInitializerError(missing));

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getCause()).isNull();
        assertThat(e.describe()).isEqualTo("libvirt's native library libvirt.so.0 could not be loaded "
                + "(UnsatisfiedLinkError: Unable to load library 'virt':). Install Debian's libvirt0 package on this "
                + "host (apt-get install libvirt0; for the tests, run build/test --install-only) and restart");
    }

    @Test
    void shouldFailTheFactoryWithTheConfigErrorInAJvmWithoutLibvirt() throws Exception {
        // JNA told to look for libvirt.so.0 nowhere: as on a host without Debian's libvirt0.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djna.library.path=/nonexistent",
                "-Djna.platform.library.path=/nonexistent", "-Djna.nosys=true",
                "-cp", System.getProperty("java.class.path"), MissingLibraryProbe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        String expected = "failed CONFIG permanent=true: libvirt's native library libvirt.so.0 could not be loaded "
                + "(UnsatisfiedLinkError: Unable to load library 'virt':). Install Debian's libvirt0 package";
        assertThat(output.lines().filter(l -> l.startsWith("failed ") || l.equals("created")))
                .hasSize(2).allSatisfy(l -> assertThat(l).startsWith(expected));
        assertThat(output).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void shouldRunOneEventLoopForTheProcess() throws Exception {
        LibvirtTestDriver.requireLibvirt();
        LibvirtEventLoop.ensureRunning();

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals(LibvirtEventLoop.THREAD_NAME))
                .singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
        assertThat(LibvirtEventLoop.version(9_000_000L)).isEqualTo("9.0.0");
    }
}
