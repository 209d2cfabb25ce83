package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shouldRunOneEventLoopForTheProcess() throws Exception {
        LibvirtTestDriver.requireLibvirt();
        LibvirtEventLoop.ensureRunning();

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals(LibvirtEventLoop.THREAD_NAME))
                .singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
        assertThat(LibvirtEventLoop.version(9_000_000L)).isEqualTo("9.0.0");
    }
}
