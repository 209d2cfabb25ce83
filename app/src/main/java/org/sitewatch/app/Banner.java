package org.sitewatch.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** Tells a user who just started the embedded default where to look. */
final class Banner {

    private final PrintStream out;

    Banner(PrintStream out) {
        this.out = out;
    }

    void print(EmbeddedStack stack, Duration startup) {
        String http = "http://localhost:" + stack.httpPort();
        out.println();
        out.printf("sitewatch is up (started in %.1f s).%n", startup.toMillis() / 1000.0);
        out.println("  site health      " + http + "/api/sites");
        List<String> sites = stack.simulator().scenario().sites();
        out.println("  one site         " + http + "/api/sites/" + sites.get(0));
        out.println("  site pairs       " + http + "/api/site-pairs");
        out.println("  alerts           " + http + "/api/alerts");
        out.println("  API description  " + http + "/v3/api-docs");
        out.println("  metrics          " + http + "/actuator/prometheus");
        out.println("  kafka            " + stack.bootstrapServers() + (stack.embeddedBroker() ? " (embedded)" : ""));
        String firstCluster = stack.simulator().clusters().get(0);
        out.println("  simulated sites  " + String.join(", ", sites) + " (Proxmox VE API at "
                + stack.simulator().baseUrl(firstCluster).replaceFirst("/[^/]+/api2/json$", "/<cluster>/api2/json") + ")");
        out.println("Site health changes are printed below as the scenario plays. Ctrl-C stops everything.");
        out.println();
    }
}
