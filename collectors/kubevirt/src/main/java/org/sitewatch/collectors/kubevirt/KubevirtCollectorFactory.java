package org.sitewatch.collectors.kubevirt;

import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * The KubeVirt / OpenShift Virtualization plug-in, registered in {@code META-INF/services}. Its
 * endpoint block {@code endpoints[n].kubevirt.*} binds onto {@link KubevirtSettings}, checked at
 * start-up. Creating the source reads the kubeconfig only; the cluster is first contacted when the
 * runtime starts the source.
 */
public final class KubevirtCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.KUBEVIRT;
    }

    @Override
    public Class<KubevirtSettings> settingsType() {
        return KubevirtSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        KubevirtSettings settings = endpoint.settings(KubevirtSettings.class);
        // Fails early, as a permanent CONFIG failure, on a kubeconfig that cannot be used.
        KubeClients.config(endpoint, settings);
        return new KubevirtCollector(endpoint, settings, context.clock(), context.checkpoints());
    }
}
