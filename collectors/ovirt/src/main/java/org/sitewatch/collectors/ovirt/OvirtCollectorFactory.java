package org.sitewatch.collectors.ovirt;

import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * The oVirt / RHV plug-in, registered in {@code META-INF/services}. Its endpoint block
 * {@code endpoints[n].ovirt.*} binds onto {@link OvirtSettings}, checked at start-up.
 */
public final class OvirtCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.OVIRT;
    }

    @Override
    public Class<OvirtSettings> settingsType() {
        return OvirtSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        OvirtSettings settings = endpoint.settings(OvirtSettings.class);
        return new OvirtCollector(endpoint, settings, new OvirtApi(endpoint, settings), context.clock());
    }
}
