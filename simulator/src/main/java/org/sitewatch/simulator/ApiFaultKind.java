package org.sitewatch.simulator;

import java.util.Arrays;

/** Kinds of API misbehaviour a scenario can inject with the {@code api-fault} action. */
public enum ApiFaultKind {
    /** Every call answers HTTP 500 with a PVE-style error envelope. */
    HTTP500("http500"),
    /** Calls are never answered in time: the connection is held open, then closed without a reply. */
    TIMEOUT("timeout"),
    /** Calls answer 200 with a body that is not valid JSON. */
    MALFORMED("malformed"),
    /** The API token is rejected with 401, even when it is right. */
    AUTH("auth");

    private final String scenarioName;

    ApiFaultKind(String scenarioName) {
        this.scenarioName = scenarioName;
    }

    public String scenarioName() {
        return scenarioName;
    }

    static ApiFaultKind fromScenario(String value) {
        return Arrays.stream(values()).filter(k -> k.scenarioName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown fault kind '" + value + "' (allowed: http500, timeout, malformed, auth)"));
    }
}
