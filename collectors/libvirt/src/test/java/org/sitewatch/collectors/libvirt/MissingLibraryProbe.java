package org.sitewatch.collectors.libvirt;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/**
 * Run in a JVM that cannot find libvirt.so.0 (see {@link LibvirtEventLoopTest}): creates a source
 * through the factory twice and prints each outcome on one line.
 */
final class MissingLibraryProbe {

    private MissingLibraryProbe() {
    }

    public static void main(String[] args) {
        LibvirtCollectorFactory factory = new LibvirtCollectorFactory();
        EndpointConfig endpoint = EndpointConfig.builder("probe", "lab", Platform.LIBVIRT)
                .setting("hosts", List.of(Map.of("name", "kvm1", "uri", "test:///default"))).build();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                factory.create(endpoint, new CollectorContext(Clock.systemUTC())).close();
                System.out.println("created");
            } catch (CollectorException e) {
                System.out.println("failed " + e.kind() + " permanent=" + e.permanent() + ": " + e.describe());
            }
        }
    }
}
