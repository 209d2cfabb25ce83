package org.sitewatch.collectors.libvirt;

import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * The libvirt (KVM) plug-in, registered in {@code META-INF/services}. Its endpoint block
 * {@code endpoints[n].libvirt.*} binds onto {@link LibvirtSettings}, checked at start-up.
 * {@code create} loads the native libvirt and starts its event loop (no host is contacted yet):
 * without Debian's {@code libvirt0} it fails with a CONFIG error that says so, and nothing of
 * libvirt is loaded before, so the application starts whatever its endpoints.
 */
public final class LibvirtCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.LIBVIRT;
    }

    @Override
    public Class<LibvirtSettings> settingsType() {
        return LibvirtSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        LibvirtSettings settings = endpoint.settings(LibvirtSettings.class);
        LibvirtEventLoop.ensureRunning();
        return new LibvirtCollector(endpoint, settings, context.clock());
    }
}
