package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.HaPhase;

/**
 * The KubeVirt objects of one scenario guest: its VirtualMachine, the VirtualMachineInstance while
 * it runs, and its VirtualMachineInstanceMigrations. It follows the engine's guest from refresh to
 * refresh and keeps what Kubernetes would remember (uids, phase histories): a VMI whose node was lost
 * turns {@code Unknown}, then {@code Failed}, and a restart elsewhere is a new VMI (new uid); a stop
 * ends the VMI {@code Succeeded} before it goes; an HA migration is a VMIM walking through its phases
 * over the HA manager's round while the VMI carries its {@code migrationState}. The engine does not
 * publish when a phase began, so times here are when a refresh first saw it.
 */
final class GuestObjects {

    private static final String API_VERSION = "kubevirt.io/v1";
    /** The VMIM phases before the switch-over, spread evenly over the HA manager's migration round. */
    private static final List<String> MIGRATION_PHASES =
            List.of("Pending", "Scheduling", "Scheduled", "PreparingTarget", "TargetReady", "Running");

    /** A VMI: one run of the VM on a node. */
    private static final class Vmi {
        final String uid;
        final Instant created;
        String node;
        final PhaseHistory phase = new PhaseHistory();
        String reason;
        ObjectNode migrationState;

        Vmi(String uid, Instant created) {
            this.uid = uid;
            this.created = created;
        }

        boolean ended() {
            return phase.is("Succeeded") || phase.is("Failed");
        }
    }

    /** A VMIM: one live migration of the VMI. */
    private static final class Migration {
        final String name;
        final String uid;
        final Instant started;
        final String source;
        final String vmiName;
        final String vmiUid;
        String target;
        final PhaseHistory phase = new PhaseHistory();
        Instant ended;

        Migration(String name, String uid, Instant started, String source, String vmiName, String vmiUid) {
            this.name = name;
            this.vmiUid = vmiUid;
            this.uid = uid;
            this.started = started;
            this.source = source;
            this.vmiName = vmiName;
        }

        void moveTo(String p, Instant at) {
            if (phase.moveTo(p, at) && finished()) {
                ended = at;
            }
        }

        boolean finished() {
            return phase.is("Succeeded") || phase.is("Failed");
        }
    }

    private final String namespace;
    private final String name;
    private final String vmUid;
    private final Instant vmCreated;
    private final Supplier<String> uids;
    private Vmi vmi;
    private Instant seenStartedAt;
    private final List<Migration> migrations = new ArrayList<>();

    GuestObjects(String namespace, GuestState guest, Instant now, Supplier<String> uids) {
        this.namespace = namespace;
        this.name = KubeNames.objectName(guest.spec().name() == null ? "vm-" + guest.vmid() : guest.spec().name());
        this.uids = uids;
        this.vmUid = uids.get();
        this.vmCreated = now;
    }

    /** Brings the objects to the guest's state at {@code now} and offers them to {@code store}. */
    void refresh(ClusterState state, GuestState g, Instant now, Duration migrationRound, ResourceStore store) {
        followMigration(g, now, migrationRound);
        String[] wanted = wantedVmi(state, g);
        if (vmi != null && (wanted == null || replaces(g, wanted))) {
            if (!vmi.ended()) {
                // A VMI does not vanish silently: it ends first (stopped: Succeeded; its node lost or rebooted: Failed).
                boolean lost = wanted != null || !state.isOnline(vmi.node);
                vmi.reason = lost ? "NodeUnresponsive" : null;
                vmi.phase.moveTo(lost ? "Failed" : "Succeeded", now);
                store.put(KubeResource.VIRTUAL_MACHINE_INSTANCES.plural(), vmiObject(g));
            }
            if (wanted == null) {
                // The VM controller deletes a finished VMI it does not restart.
                store.delete(KubeResource.VIRTUAL_MACHINE_INSTANCES.plural(), namespace, name);
            }
            vmi = null;
        }
        if (wanted != null) {
            if (vmi == null) {
                vmi = new Vmi(uids.get(), now);
                vmi.phase.moveTo("Pending", now);
                if (!"Scheduling".equals(wanted[0])) {
                    vmi.phase.moveTo("Scheduling", now);
                    vmi.phase.moveTo("Scheduled", now);
                }
            }
            if (!"Scheduling".equals(wanted[0])) {
                vmi.node = wanted[1];
            }
            vmi.reason = "Failed".equals(wanted[0]) ? "NodeUnresponsive" : null;
            vmi.phase.moveTo(wanted[0], now);
            store.put(KubeResource.VIRTUAL_MACHINE_INSTANCES.plural(), vmiObject(g));
        }
        seenStartedAt = g.startedAt();
        store.put(KubeResource.VIRTUAL_MACHINES.plural(), vmObject(g));
        migrations.forEach(m -> store.put(KubeResource.MIGRATIONS.plural(), migrationObject(m)));
    }

    /** The VMI the engine's guest stands for now: {phase, node}, or null when it has none. */
    private static String[] wantedVmi(ClusterState state, GuestState g) {
        if (!g.ha()) {
            if (!g.running()) {
                return null;
            }
            return new String[] {state.isOnline(g.node()) ? "Running" : "Unknown", g.node()};
        }
        return switch (g.phase()) {
            case STARTED, MIGRATING, STOPPING -> new String[] {state.isOnline(g.node()) ? "Running" : "Unknown", g.node()};
            case STARTING -> new String[] {"Scheduling", g.node()};
            // Its node stopped answering: the VMI's state cannot be known until the node is fenced.
            case FENCING -> new String[] {"Unknown", g.node()};
            case RECOVERING -> new String[] {"Failed", g.node()};
            case STOPPED -> null;
        };
    }

    /** Whether the wanted VMI is a new run rather than the current VMI going on. */
    private boolean replaces(GuestState g, String[] wanted) {
        if (vmi.ended()) {
            return !"Failed".equals(wanted[0]) || !wanted[1].equals(vmi.node);
        }
        // Only a live migration moves a VMI; on any other node it is a new run (even when a refresh missed the failure).
        boolean restartedElsewhere = vmi.node != null && !"Scheduling".equals(wanted[0]) && !wanted[1].equals(vmi.node)
                && migrations.stream().noneMatch(m -> m.phase.is("Succeeded") && wanted[1].equals(m.target)
                        && vmi.uid.equals(m.vmiUid));
        // A guest without HA keeps running where it was; a changed start time is its node's reboot.
        boolean rebooted = !g.ha() && seenStartedAt != null && !seenStartedAt.equals(g.startedAt());
        return restartedElsewhere || rebooted;
    }

    private void followMigration(GuestState g, Instant now, Duration round) {
        Migration active = migrations.stream().filter(m -> !m.finished()).findFirst().orElse(null);
        if (g.ha() && g.phase() == HaPhase.MIGRATING && active == null && vmi != null) {
            active = new Migration(name + "-migration-" + (migrations.size() + 1), uids.get(), now, vmi.node, name, vmi.uid);
            migrations.add(active);
        }
        if (active == null) {
            return;
        }
        if (g.phase() == HaPhase.MIGRATING) {
            long step = round.isZero() ? MIGRATION_PHASES.size() - 1
                    : Duration.between(active.started, now).toMillis() * MIGRATION_PHASES.size() / round.toMillis();
            // forward only: a refresh within a phase must not walk the history back through the earlier ones
            int reached = active.phase.current() == null ? -1 : MIGRATION_PHASES.indexOf(active.phase.current());
            for (int i = reached + 1;
                    i <= Math.min(step, MIGRATION_PHASES.size() - 1); i++) {
                active.moveTo(MIGRATION_PHASES.get(i), now);
            }
            // the scheduler picks the target node at Scheduling; virt-controller reports it from then on
            if (!active.phase.is("Pending") && g.migrateTarget() != null) {
                active.target = g.migrateTarget();
            }
        } else {
            boolean moved = !g.node().equals(active.source) && vmi != null && !vmi.ended();
            active.target = moved ? g.node() : null;
            active.moveTo(moved ? "Succeeded" : "Failed", now);
        }
        if (vmi != null) {
            vmi.migrationState = migrationState(active);
        }
    }

    private ObjectNode migrationState(Migration m) {
        ObjectNode s = Json.object().put("migrationUid", m.uid).put("sourceNode", m.source)
                .put("sourcePod", "virt-launcher-" + name + "-src").put("mode", "PreCopy")
                .put("startTimestamp", Json.time(m.started));
        if (m.target != null) {
            s.put("targetNode", m.target).put("targetPod", "virt-launcher-" + name + "-dst");
        }
        s.put("completed", m.phase.is("Succeeded")).put("failed", m.phase.is("Failed"));
        if (m.ended != null) {
            s.put("endTimestamp", Json.time(m.ended));
        }
        if (m.phase.is("Failed")) {
            s.put("failureReason", "the migration ended before the VMI reached a target node");
        }
        return s;
    }

    private String runStrategy(GuestState g) {
        if (!g.ha()) {
            return "Manual";
        }
        return "started".equals(g.requestState()) || "enabled".equals(g.requestState()) ? "Always" : "Halted";
    }

    private ObjectNode metadata(ObjectNode o, String kind, String objectName, String uid, Instant created) {
        o.put("apiVersion", API_VERSION).put("kind", kind);
        ObjectNode m = o.putObject("metadata");
        m.put("name", objectName).put("namespace", namespace).put("uid", uid).put("creationTimestamp", Json.time(created));
        return m;
    }

    private ObjectNode vmObject(GuestState g) {
        ObjectNode vm = Json.object();
        ObjectNode m = metadata(vm, "VirtualMachine", name, vmUid, vmCreated);
        m.putObject("labels").put("sitewatch.simulator/vmid", Integer.toString(g.vmid()));
        ObjectNode spec = vm.putObject("spec");
        spec.put("runStrategy", runStrategy(g));
        ObjectNode domain = spec.putObject("template").putObject("spec").putObject("domain");
        domain.putObject("cpu").put("cores", Math.max(1, g.spec().maxcpu()));
        domain.putObject("memory").put("guest", g.spec().maxmem() / (1024 * 1024) + "Mi");
        ObjectNode status = vm.putObject("status");
        boolean running = vmi != null && vmi.phase.is("Running");
        status.put("printableStatus", printableStatus(g));
        status.put("ready", running).put("created", vmi != null).put("runStrategy", runStrategy(g));
        status.putArray("conditions").add(Json.condition("Ready", running ? "True" : "False",
                vmi == null ? vmCreated : vmi.created, running ? null : "VMINotRunning", null));
        return vm;
    }

    private String printableStatus(GuestState g) {
        if (vmi == null || vmi.phase.is("Succeeded")) {
            return "Stopped";
        }
        return switch (vmi.phase.current()) {
            case "Pending", "Scheduling", "Scheduled" -> "Starting";
            case "Unknown" -> "Unknown";
            // runStrategy Always: the controller is about to start a new VMI.
            case "Failed" -> "Always".equals(runStrategy(g)) ? "Starting" : "Stopped";
            default -> g.ha() && g.phase() == HaPhase.STOPPING ? "Stopping"
                    : migrations.stream().anyMatch(mig -> !mig.finished()) ? "Migrating" : "Running";
        };
    }

    private ObjectNode vmiObject(GuestState g) {
        ObjectNode o = Json.object();
        ObjectNode m = metadata(o, "VirtualMachineInstance", name, vmi.uid, vmi.created);
        if (vmi.node != null) {
            m.putObject("labels").put("kubevirt.io/nodeName", vmi.node);
        }
        m.putArray("ownerReferences").addObject().put("apiVersion", API_VERSION).put("kind", "VirtualMachine")
                .put("name", name).put("uid", vmUid).put("controller", true).put("blockOwnerDeletion", true);
        o.putObject("spec").putObject("domain").putObject("cpu").put("cores", Math.max(1, g.spec().maxcpu()));
        ObjectNode status = o.putObject("status");
        status.put("phase", vmi.phase.current());
        if (vmi.node != null) {
            status.put("nodeName", vmi.node);
        }
        if (vmi.reason != null) {
            status.put("reason", vmi.reason);
        }
        boolean running = vmi.phase.is("Running");
        ArrayNode conditions = status.putArray("conditions");
        conditions.add(Json.condition("Ready", running ? "True" : "False", vmi.created, running ? null
                : vmi.phase.is("Unknown") ? "NodeUnresponsive" : "PodNotRunning", null));
        conditions.add(Json.condition("LiveMigratable", "True", vmi.created, null, null));
        status.set("phaseTransitionTimestamps", vmi.phase.transitions());
        if (vmi.migrationState != null) {
            status.set("migrationState", vmi.migrationState.deepCopy());
            status.put("migrationMethod", "LiveMigration");
        }
        status.put("qosClass", "Burstable");
        return o;
    }

    private ObjectNode migrationObject(Migration mig) {
        ObjectNode o = Json.object();
        metadata(o, "VirtualMachineInstanceMigration", mig.name, mig.uid, mig.started);
        o.putObject("spec").put("vmiName", mig.vmiName);
        ObjectNode status = o.putObject("status");
        status.put("phase", mig.phase.current());
        status.set("phaseTransitionTimestamps", mig.phase.transitions());
        status.set("migrationState", migrationState(mig));
        return o;
    }
}
