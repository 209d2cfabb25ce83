package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Set;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * A KubeVirt VM as a {@link VmState}: the {@code VirtualMachine} (what should run, its
 * {@code printableStatus} and run strategy) and its {@code VirtualMachineInstance} (what runs, where),
 * either of which may be missing: a stopped VM has no VMI, a VMI created directly has no VM.
 *
 * <p>Power comes from the VM's {@code printableStatus} when there is one (it is KubeVirt's own
 * summary of both), else from the VMI's phase. Every word in the vendor notes is mapped; any other
 * word is UNKNOWN with the word kept in {@code vendorState}.
 */
final class VmStateMapper {

    /** Run strategies under which KubeVirt starts a new VMI by itself when one fails or its node is lost. */
    static final Set<String> RESTARTING_RUN_STRATEGIES = Set.of("Always", "RerunOnFailure");

    private final Sites sites;

    VmStateMapper(Sites sites) {
        this.sites = sites;
    }

    /** The state of the VM {@code key}; at least one of {@code vm} and {@code vmi} is given. */
    VmState map(String key, GenericKubernetesResource vm, GenericKubernetesResource vmi) {
        GenericKubernetesResource any = vm != null ? vm : vmi;
        String node = vmi == null ? null : KubeFields.text(vmi, "status", "nodeName");
        String printable = vm == null ? null : KubeFields.text(vm, "status", "printableStatus");
        String vmiPhase = vmi == null ? null : KubeFields.text(vmi, "status", "phase");
        PowerState power;
        String vendorState;
        if (printable != null && !printable.isEmpty()) {
            power = fromPrintableStatus(printable, vmi);
            vendorState = printable;
        } else if (vmi != null) {
            power = fromVmiPhase(vmi);
            vendorState = vmiPhase == null || vmiPhase.isEmpty() ? null : vmiPhase;
        } else {
            // A VM the controller has not given a status yet.
            power = PowerState.UNKNOWN;
            vendorState = null;
        }
        String runStrategy = vm == null ? null : runStrategy(vm);
        boolean manualRecovery = vm != null && KubeFields.conditionTrue(vm, "ManualRecoveryRequired");
        Boolean haProtected = vm == null ? Boolean.FALSE
                : runStrategy == null ? null : RESTARTING_RUN_STRATEGIES.contains(runStrategy) && !manualRecovery;
        String haState = manualRecovery ? "ManualRecoveryRequired" : runStrategy;
        return new VmState(sites.siteOfNode(node), Platform.KUBEVIRT, key, any.getMetadata().getName(), node,
                sites.cluster(), power, vendorState, haProtected, haState, false);
    }

    /** {@code spec.runStrategy}, else the legacy {@code spec.running} flag, else {@code status.runStrategy}. */
    static String runStrategy(GenericKubernetesResource vm) {
        String strategy = KubeFields.text(vm, "spec", "runStrategy");
        if (strategy != null) {
            return strategy;
        }
        String running = KubeFields.text(vm, "spec", "running");
        if (running != null) {
            return Boolean.parseBoolean(running) ? "Always" : "Halted";
        }
        return KubeFields.text(vm, "status", "runStrategy");
    }

    /** Whether KubeVirt restarts this VM by itself (its run strategy is Always or RerunOnFailure). */
    static boolean restartsByItself(GenericKubernetesResource vm) {
        String strategy = vm == null ? null : runStrategy(vm);
        return strategy != null && RESTARTING_RUN_STRATEGIES.contains(strategy); // Set.of rejects contains(null)
    }

    static PowerState fromPrintableStatus(String printable, GenericKubernetesResource vmi) {
        return switch (printable) {
            case "Running" -> PowerState.RUNNING;
            case "Paused" -> PowerState.PAUSED;
            case "Migrating" -> PowerState.MIGRATING;
            // Not started yet, or waiting for something before it can start.
            case "Stopped", "Provisioning", "Starting", "WaitingForVolumeBinding", "WaitingForReceiver" -> PowerState.STOPPED;
            // Still running while it shuts down or is deleted: the VMI says whether it still runs.
            case "Stopping", "Terminating" -> vmi != null && isActive(vmi) ? PowerState.RUNNING : PowerState.STOPPED;
            // Should run but cannot: a failure an operator has to look at.
            case "CrashLoopBackOff", "ErrorUnschedulable", "ErrImagePull", "ImagePullBackOff", "ErrorPvcNotFound",
                 "DataVolumeError" -> PowerState.CRASHED;
            default -> PowerState.UNKNOWN; // "Unknown" and any word newer than the notes
        };
    }

    static PowerState fromVmiPhase(GenericKubernetesResource vmi) {
        String phase = KubeFields.text(vmi, "status", "phase");
        return switch (phase == null ? "" : phase) {
            case "", "Pending", "Scheduling", "Scheduled" -> PowerState.STOPPED;
            case "Running" -> KubeFields.conditionTrue(vmi, "Paused") ? PowerState.PAUSED
                    : migrationInProgress(vmi) ? PowerState.MIGRATING : PowerState.RUNNING;
            // The target of a decentralized live migration, waiting for the source to sync.
            case "WaitingForSync" -> PowerState.MIGRATING;
            case "Succeeded" -> PowerState.STOPPED;
            case "Failed" -> PowerState.CRASHED;
            default -> PowerState.UNKNOWN; // "Unknown" (node unreachable) and any newer word
        };
    }

    /** A VMI that has not finished: its domain may still run. */
    static boolean isActive(GenericKubernetesResource vmi) {
        String phase = KubeFields.text(vmi, "status", "phase");
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    private static boolean migrationInProgress(GenericKubernetesResource vmi) {
        Map<String, Object> migration = KubeFields.block(vmi, "status", "migrationState");
        return !migration.isEmpty() && KubeFields.text(migration, "startTimestamp") != null
                && !KubeFields.flag(migration, "completed") && !KubeFields.flag(migration, "failed");
    }
}
