package org.sitewatch.simulator;

import java.time.Duration;

/**
 * One timeline entry: at {@code at} after the start (of each loop period), apply {@code action} to
 * {@code site}.
 *
 * @param index 0-based position in the scenario's {@code timeline} list
 */
public record ScenarioStep(int index, Duration at, String site, StepAction action) {

    /** Log form, e.g. {@code replication-fail paris-dc1 job 100-0}. */
    public String describe() {
        String details = action.details();
        return action.actionName() + " " + site + (details.isEmpty() ? "" : " " + details);
    }
}
