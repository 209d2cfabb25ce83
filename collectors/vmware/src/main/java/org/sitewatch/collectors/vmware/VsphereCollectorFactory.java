package org.sitewatch.collectors.vmware;

import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.http.TlsContexts;
import org.sitewatch.collectors.vmware.replication.ReplicationReader;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;
import org.sitewatch.events.Platform;

/**
 * The VMware vSphere plug-in, registered in {@code META-INF/services}: one vCenter per endpoint, its block
 * {@code endpoints[n].vsphere.*} bound onto {@link VsphereSettings} and checked at start-up.
 */
public final class VsphereCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.VSPHERE;
    }

    @Override
    public Class<VsphereSettings> settingsType() {
        return VsphereSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        VsphereSettings settings = endpoint.settings(VsphereSettings.class);
        String block = endpoint.vendor().key();
        Vim25Client client = Vim25Client.builder(settings.url(), settings.login())
                .settingsBlock(block)
                .timeout(endpoint.timeout())
                .sslContext(TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file"))
                .maxResponseBytes(settings.maxResponseBytes())
                .build();
        ReplicationReader replication = settings.replication() == null ? null
                : new ReplicationReader(endpoint, settings.replication(), settings.login());
        return new VsphereCollector(endpoint, client, replication, context.clock());
    }
}
