package org.sitewatch.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.sitewatch.simulator.Scenario;

/**
 * The embedded default as the end-to-end tests start it: their own scenario, a 500 ms poll and
 * timings short enough that a simulated change shows in the views within about a second.
 */
final class FastStack {

    /** Commit, punctuation and retry timings for tests; production defaults are seconds to minutes. */
    static final Map<String, String> TIMINGS = Map.of(
            "sitewatch.streams.commit-interval", "100ms",
            "sitewatch.streams.punctuate-interval", "1s",
            "sitewatch.collectors.retry.max-backoff", "2s",
            "sitewatch.collectors.retry.permanent-interval", "2s");

    /**
     * What the test stacks allow, said explicitly (the product's default is no anonymous access): anyone may
     * view, as the tests read the views like a script without credentials would; writes and the audit API
     * still need a token (the stack's generated admin token, {@link EmbeddedStack#adminToken()}).
     */
    static final Map<String, String> ANONYMOUS_VIEWING = Map.of("sitewatch.security.anonymous-viewer", "true");

    private FastStack() {
    }

    /** Starts the stack on free ports in {@code dataDir}; {@code more} adds or overrides properties. */
    static EmbeddedStack start(Path dataDir, String scenarioYaml, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(TIMINGS);
        properties.putAll(ANONYMOUS_VIEWING);
        properties.putAll(more);
        return new EmbeddedStack(new EmbeddedStack.Settings(dataDir, null, 0, 0, 0, Scenario.parse(scenarioYaml),
                Duration.ofMillis(500), Map.copyOf(properties))).start();
    }
}
