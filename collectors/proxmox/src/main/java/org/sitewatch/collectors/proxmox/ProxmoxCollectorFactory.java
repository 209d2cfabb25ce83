package org.sitewatch.collectors.proxmox;

import java.util.List;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * The Proxmox VE plug-in, registered in {@code META-INF/services}. Settings it reads are
 * documented on {@link ProxmoxSettings}.
 */
public final class ProxmoxCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.PROXMOX;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        return new ProxmoxCollector(endpoint, new ProxmoxClient(endpoint), context.clock());
    }

    @Override
    public List<String> validate(EndpointConfig endpoint) {
        return ProxmoxSettings.problems(endpoint);
    }
}
