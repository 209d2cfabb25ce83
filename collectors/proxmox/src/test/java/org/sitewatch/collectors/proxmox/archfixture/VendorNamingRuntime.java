package org.sitewatch.collectors.proxmox.archfixture;

import org.sitewatch.collectors.proxmox.ProxmoxCollectorFactory;

/** A deliberate violation for {@code ProxmoxArchitectureTest}: "runtime" code naming a vendor. */
public final class VendorNamingRuntime {

    private VendorNamingRuntime() {
    }

    public static Object create() {
        return new ProxmoxCollectorFactory();
    }
}
