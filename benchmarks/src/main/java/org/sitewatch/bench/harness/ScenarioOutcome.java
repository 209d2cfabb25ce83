package org.sitewatch.bench.harness;

import java.util.List;

/**
 * What one scenario of a run gave: its figures, or the error it failed with.
 *
 * @param error null when the scenario succeeded
 */
public record ScenarioOutcome(String scenario, List<Figure> figures, Throwable error, double seconds) {

    public static ScenarioOutcome succeeded(String scenario, List<Figure> figures, double seconds) {
        return new ScenarioOutcome(scenario, List.copyOf(figures), null, seconds);
    }

    public static ScenarioOutcome failed(String scenario, Throwable error, double seconds) {
        return new ScenarioOutcome(scenario, List.of(), error, seconds);
    }

    public boolean failed() {
        return error != null;
    }

    /** The error in one line: its type and message, and the cause's when it has one. */
    public String errorLine() {
        if (error == null) {
            return "";
        }
        String line = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        Throwable cause = error.getCause();
        if (cause != null && cause != error) {
            line += " (caused by " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        return line.replace('\n', ' ').replace('|', '/');
    }
}
