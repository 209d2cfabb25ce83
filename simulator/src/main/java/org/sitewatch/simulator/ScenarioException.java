package org.sitewatch.simulator;

/**
 * Raised when a scenario file cannot be read or is invalid. The message names the location of the
 * problem in the YAML document, for example {@code timeline[3].job}, so that a user can fix it
 * without reading the simulator's code.
 */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
