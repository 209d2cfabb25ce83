package org.sitewatch.simulator;

import java.time.Duration;

/**
 * One timeline entry: at {@code at} after the start (of each loop period), apply {@code action} to
 * {@code cluster}.
 *
 * @param index   0-based position in the scenario's {@code timeline} list
 * @param cluster the cluster's name (its endpoint name)
 */
public record ScenarioStep(int index, Duration at, String cluster, StepAction action) {

    /** Log form, e.g. {@code replication-fail paris-dc1 job 100-0}. */
    public String describe() {
        String details = action.details();
        return action.actionName() + " " + cluster + (details.isEmpty() ? "" : " " + details);
    }
}
