package org.sitewatch.collectors.proxmox;

import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * The Proxmox VE plug-in, registered in {@code META-INF/services}. Its endpoint block
 * {@code endpoints[n].proxmox.*} binds onto {@link ProxmoxSettings}, checked at start-up.
 */
public final class ProxmoxCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.PROXMOX;
    }

    @Override
    public Class<ProxmoxSettings> settingsType() {
        return ProxmoxSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        ProxmoxSettings settings = endpoint.settings(ProxmoxSettings.class);
        return new ProxmoxCollector(endpoint, settings, new ProxmoxClient(endpoint, settings), context.clock());
    }
}
