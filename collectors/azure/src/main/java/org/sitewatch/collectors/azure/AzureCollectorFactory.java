package org.sitewatch.collectors.azure;

import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * The Azure plug-in, registered in {@code META-INF/services}. Its endpoint block
 * {@code endpoints[n].azure.*} binds onto {@link AzureSettings}, checked at start-up.
 */
public final class AzureCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.AZURE;
    }

    @Override
    public Class<AzureSettings> settingsType() {
        return AzureSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        AzureSettings settings = endpoint.settings(AzureSettings.class);
        return new AzureCollector(endpoint, settings, ArmConnections.open(endpoint, settings), context.clock());
    }
}
