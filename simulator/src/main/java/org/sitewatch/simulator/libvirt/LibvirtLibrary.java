package org.sitewatch.simulator.libvirt;

import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * Loads the native libvirt once per process and registers its default event loop before the front
 * opens a connection, as libvirt wants. The collector's own holder ({@code LibvirtEventLoop} in
 * collectors/libvirt) is out of reach without a module cycle (that module's tests use the
 * simulator), so this is a second, idempotent one: libvirt-java's {@code initEventLoop} registers the
 * loop only once per process whoever calls it first. The front registers no callbacks, so it runs
 * no loop thread; a collector in the same process runs its own.
 */
final class LibvirtLibrary {

    private static boolean loaded;
    private static IllegalStateException unavailable;

    private LibvirtLibrary() {
    }

    /** @throws IllegalStateException saying to install {@code libvirt0} when libvirt.so.0 cannot be loaded */
    static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        if (unavailable != null) {
            // The JVM does not retry a class whose static initialiser failed: keep the first reason.
            throw unavailable;
        }
        try {
            Library.initEventLoop();
            loaded = true;
        } catch (LinkageError e) {
            unavailable = new IllegalStateException("the simulator's libvirt front needs libvirt's native library "
                    + "libvirt.so.0, which could not be loaded (" + rootMessage(e) + "); install it with "
                    + "'apt-get install libvirt0' (Debian's package; build/test --install-only does it for the tests)", e);
            throw unavailable;
        } catch (LibvirtException e) {
            throw new IllegalStateException("libvirt's event loop could not be registered: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return root.getClass().getSimpleName() + (message == null ? ""
                : ": " + (newline < 0 ? message : message.substring(0, newline)));
    }
}
