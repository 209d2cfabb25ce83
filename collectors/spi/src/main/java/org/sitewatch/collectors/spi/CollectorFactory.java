package org.sitewatch.collectors.spi;

import java.util.List;
import org.sitewatch.events.Platform;

/**
 * Entry point of a vendor plug-in, discovered with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/org.sitewatch.collectors.spi.CollectorFactory}.
 * One factory serves one {@link Platform}; it creates one source per configured endpoint.
 *
 * <p>Limits: factories must be stateless and cheap to construct, since the runtime instantiates
 * every registered one at start-up.
 */
public interface CollectorFactory {

    /** The platform this plug-in collects from; at most one factory per platform. */
    Platform platform();

    /**
     * Creates the source for one endpoint. Throwing a permanent {@link CollectorException} (for
     * example an unreadable CA file) does not stop the application: the runtime reports it in the
     * endpoint's heartbeat and tries again slowly, so the file can be fixed without a restart.
     */
    CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException;

    /**
     * Optional capability: checks the vendor-specific parts of an endpoint's configuration (token
     * format, options) before anything starts. Each entry is a readable problem; the application
     * refuses to start when any endpoint has one.
     */
    default List<String> validate(EndpointConfig endpoint) {
        return List.of();
    }
}
