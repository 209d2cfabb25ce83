package org.sitewatch.simulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Kinds of API misbehaviour a scenario can inject with the {@code api-fault} action. What each looks
 * like on the wire (the error envelope, the message) is up to the cluster's vendor front.
 */
public enum ApiFaultKind {
    /** Calls answer HTTP 500 with the vendor's error envelope. */
    HTTP500("http500"),
    /** Calls answer HTTP 501 "not implemented", as an older version without that endpoint does. */
    HTTP501("http501"),
    /** Calls answer HTTP 404, as a version that does not know the path. */
    HTTP404("http404"),
    /** Calls are never answered in time: the connection is held open, then closed without a reply. */
    TIMEOUT("timeout"),
    /** Calls answer 200 with a body that is not valid JSON. */
    MALFORMED("malformed"),
    /** The credentials are rejected with 401, even when they are right. */
    AUTH("auth"),
    /**
     * Calls are throttled: HTTP 429 with a {@code Retry-After} header (fronts of APIs that throttle,
     * e.g. Azure Resource Manager). A front whose vendor does not throttle this way ignores it and
     * answers as usual.
     */
    HTTP429("http429");

    private final String scenarioName;

    ApiFaultKind(String scenarioName) {
        this.scenarioName = scenarioName;
    }

    public String scenarioName() {
        return scenarioName;
    }

    static ApiFaultKind fromScenario(String value) {
        return Arrays.stream(values()).filter(k -> k.scenarioName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + value + "' (allowed: "
                        + Arrays.stream(values()).map(ApiFaultKind::scenarioName).collect(Collectors.joining(", "))
                        + ")"));
    }
}
