package org.sitewatch.collectors.libvirt;

import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's event loop, once per process. libvirt delivers lifecycle and close callbacks (and
 * answers keepalive probes) only while some thread runs its loop, and the loop must be registered
 * ({@code virEventRegisterDefaultImpl}) before the first connection is opened. {@link #ensureRunning()}
 * does both on first use and runs the loop on one daemon thread for the rest of the process's life:
 * every libvirt endpoint shares it.
 *
 * <p>The native library is loaded here too, so a host without Debian's {@code libvirt0} gets one
 * CONFIG failure that says what to install, not a linkage error; nothing else in the application
 * touches libvirt's classes before this.
 */
final class LibvirtEventLoop {

    private static final Logger log = LoggerFactory.getLogger(LibvirtEventLoop.class);
    static final String THREAD_NAME = "libvirt-event-loop";

    private static Thread thread;
    private static CollectorException unavailable;

    private LibvirtEventLoop() {
    }

    /** Starts the loop if it is not running yet; throws a permanent CONFIG failure if libvirt cannot be loaded. */
    static synchronized void ensureRunning() throws CollectorException {
        if (thread != null) {
            return;
        }
        if (unavailable != null) {
            // The JVM does not retry a class whose initialiser failed: the first reason stays the reason.
            throw unavailable;
        }
        try {
            Library.initEventLoop();
            long version = Library.getVersion();
            log.info("libvirt {} loaded; its event loop runs on thread {}", version(version), THREAD_NAME);
        } catch (LinkageError e) {
            unavailable = libraryMissing(e);
            throw unavailable;
        } catch (LibvirtException e) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG,
                    "libvirt's event loop could not be registered: " + e.getMessage(),
                    "Check the libvirt0 installation (libvirt.so.0)", e);
        }
        thread = new Thread(LibvirtEventLoop::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            Library.runEventLoop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LibvirtException | RuntimeException e) {
            // Without the loop no callback arrives: say so loudly, the collectors' keepalives will fail too.
            log.error("libvirt's event loop stopped: no more libvirt events will arrive", e);
        }
    }

    /** The CONFIG failure for a JVM that cannot load {@code libvirt.so.0} (or JNA). */
    static CollectorException libraryMissing(Throwable cause) {
        return CollectorException.permanent(CollectorErrorKind.CONFIG,
                "libvirt's native library libvirt.so.0 could not be loaded (" + rootMessage(cause) + ")",
                "Install Debian's libvirt0 package on this host (apt-get install libvirt0; for the tests, run "
                        + "build/test --install-only) and restart", null);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** libvirt's version number 9000000 as 9.0.0. */
    static String version(long v) {
        return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
    }
}
