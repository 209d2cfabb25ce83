package org.sitewatch.collectors.oraclevm;

import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * The Oracle VM plug-in, registered in {@code META-INF/services}. Its endpoint block
 * {@code endpoints[n].oraclevm.*} binds onto {@link OracleVmSettings}, checked at start-up.
 */
public final class OracleVmCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.ORACLEVM;
    }

    @Override
    public Class<OracleVmSettings> settingsType() {
        return OracleVmSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        OracleVmSettings settings = endpoint.settings(OracleVmSettings.class);
        return new OracleVmCollector(endpoint, new OracleVmClient(endpoint, settings), context.clock());
    }
}
