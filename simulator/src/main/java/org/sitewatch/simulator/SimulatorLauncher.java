package org.sitewatch.simulator;

import java.nio.file.Path;

/**
 * Convenience for CLIs and demos: loads a scenario from a file or the classpath and starts a
 * {@link Simulator} on the system clock. Embedders needing a test clock or TLS use
 * {@link Simulator#builder(Scenario)} directly.
 */
public final class SimulatorLauncher {

    /** The demo scenario shipped with this module. */
    public static final String DEFAULT_SCENARIO = "classpath:/scenarios/default.yaml";
    /** A short scenario for end-to-end tests: one replication failure and its recovery. */
    public static final String E2E_REPLICATION_FAILURE = "classpath:/scenarios/e2e-replication-failure.yaml";

    private SimulatorLauncher() {
    }

    /**
     * Loads {@code location}: {@code classpath:/path} for a resource, anything else as a file path;
     * null means {@link #DEFAULT_SCENARIO}.
     */
    public static Scenario loadScenario(String location) {
        String loc = location == null ? DEFAULT_SCENARIO : location;
        return loc.startsWith("classpath:") ? Scenario.loadResource(loc.substring("classpath:".length()))
                : Scenario.load(Path.of(loc));
    }

    /** Loads the scenario and starts a plain-HTTP simulator; the caller closes it. */
    public static Simulator launch(String scenarioLocation, String bindAddress, int port) {
        return Simulator.builder(loadScenario(scenarioLocation)).bindAddress(bindAddress).port(port)
                .build().start();
    }
}
