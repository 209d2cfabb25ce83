package org.sitewatch.app;

import java.nio.file.Path;
import org.sitewatch.simulator.Scenario;
import picocli.CommandLine.Option;

/** Which scenario the simulator plays: a YAML file, or the built-in default of fourteen sites. */
final class ScenarioOption {

    static final String DEFAULT = "/scenarios/default.yaml";

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "${env:SITEWATCH_SCENARIO}",
            description = "Simulator scenario YAML (env SITEWATCH_SCENARIO; default: the built-in six-site scenario).")
    Path file;

    Scenario load() {
        return file == null ? Scenario.loadResource(DEFAULT) : Scenario.load(file);
    }
}
