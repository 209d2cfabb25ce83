package org.sitewatch.simulator;

import java.time.Duration;

/**
 * The actions a scenario timeline can apply. Each record carries the action's validated parameters;
 * the engine decides what they do to its model, and each vendor front how that shows on its API.
 */
public sealed interface StepAction {

    /** The action's name in scenario files, e.g. {@code replication-fail}. */
    String actionName();

    /** Parameters for log lines, e.g. {@code job 100-0}; may be empty. */
    String details();

    /** A replication job's syncs start failing with {@code error} until recovered. */
    record ReplicationFail(String job, String error) implements StepAction {
        public String actionName() {
            return "replication-fail";
        }

        public String details() {
            return "job " + job;
        }
    }

    /** A failing replication job succeeds again from its next attempt on. */
    record ReplicationRecover(String job) implements StepAction {
        public String actionName() {
            return "replication-recover";
        }

        public String details() {
            return "job " + job;
        }
    }

    /** An HA service is fenced, then recovered and started on another node. */
    record HaFence(String sid) implements StepAction {
        public String actionName() {
            return "ha-fence";
        }

        public String details() {
            return "service " + sid;
        }
    }

    /** An HA service is live-migrated to {@code node}. */
    record HaMigrate(String sid, String node) implements StepAction {
        public String actionName() {
            return "ha-migrate";
        }

        public String details() {
            return "service " + sid + " to " + node;
        }
    }

    /** A node leaves the cluster (crash or power loss). */
    record NodeOffline(String node) implements StepAction {
        public String actionName() {
            return "node-offline";
        }

        public String details() {
            return "node " + node;
        }
    }

    /** A node rejoins the cluster. */
    record NodeOnline(String node) implements StepAction {
        public String actionName() {
            return "node-online";
        }

        public String details() {
            return "node " + node;
        }
    }

    /** A guest is stopped (through the HA manager when HA-managed). */
    record VmStop(int vmid) implements StepAction {
        public String actionName() {
            return "vm-stop";
        }

        public String details() {
            return "vmid " + vmid;
        }
    }

    /** A guest is started (through the HA manager when HA-managed). */
    record VmStart(int vmid) implements StepAction {
        public String actionName() {
            return "vm-start";
        }

        public String details() {
            return "vmid " + vmid;
        }
    }

    /** A guest is destroyed together with its HA resource and replication jobs. */
    record VmRemove(int vmid) implements StepAction {
        public String actionName() {
            return "vm-remove";
        }

        public String details() {
            return "vmid " + vmid;
        }
    }

    /** A guest is created. */
    record VmAdd(GuestSpec guest) implements StepAction {
        public String actionName() {
            return "vm-add";
        }

        public String details() {
            return "vmid " + guest.vmid() + " on " + guest.node();
        }
    }

    /**
     * The cluster's API misbehaves, for every call or only for the calls {@code scope} matches;
     * clears by itself after {@code duration} when that is not null.
     */
    record ApiFault(ApiFaultKind kind, FaultScope scope, Duration duration) implements StepAction {
        public String actionName() {
            return "api-fault";
        }

        public String details() {
            return kind.scenarioName() + (scope.isWholeApi() ? "" : " on " + scope)
                    + (duration == null ? "" : " for " + Durations.format(duration));
        }
    }

    /** Clears the API faults: every one, or only the one set on {@code scope}. */
    record ApiOk(FaultScope scope) implements StepAction {
        public String actionName() {
            return "api-ok";
        }

        public String details() {
            return scope == null ? "" : "on " + scope;
        }
    }

    /** A test failover of a replication link is run (and cleaned up) at this instant. */
    record TestFailover(String job) implements StepAction {
        public String actionName() {
            return "test-failover";
        }

        public String details() {
            return "job " + job;
        }
    }

    /**
     * A replication link is failed over: its replica becomes the active copy, replication stops
     * (the last recovery point is the one failed over to) and the primary guest is stopped.
     */
    record ReplicationFailover(String job) implements StepAction {
        public String actionName() {
            return "replication-failover";
        }

        public String details() {
            return "job " + job;
        }
    }

    /** A failed-over link fails back: the primary guest runs again and replication resumes at once. */
    record ReplicationFailback(String job) implements StepAction {
        public String actionName() {
            return "replication-failback";
        }

        public String details() {
            return "job " + job;
        }
    }

    /** The cluster's quorum device connects to (true) or loses (false) its QNetd host. */
    record QDevice(boolean connected) implements StepAction {
        public String actionName() {
            return connected ? "qdevice-connect" : "qdevice-disconnect";
        }

        public String details() {
            return "";
        }
    }
}
