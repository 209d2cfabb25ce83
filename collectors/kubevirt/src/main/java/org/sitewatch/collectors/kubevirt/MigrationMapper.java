package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * A finished {@code VirtualMachineInstanceMigration} as a MIGRATE {@link HaAction}, once: phase
 * {@code Succeeded} (the VM now runs on the target node) or {@code Failed} (it stayed on the source;
 * the failure reason and any blocking condition are the detail). The other phases ({@code ""},
 * Pending, Scheduling, Scheduled, PreparingTarget, TargetReady, Running, WaitingForSync,
 * Synchronizing, and words newer than the notes) are a migration under way: no action yet, the VM's
 * own state shows MIGRATING.
 *
 * <p>Source and target come from the migration's {@code status.migrationState}; older KubeVirt keeps
 * it on the VMI only, so the VMI's is used when its {@code migrationUid} is this migration's.
 * The action id is {@code migration/<VMIM uid>}.
 */
final class MigrationMapper {

    /** VMIM condition types that explain why a migration did not go ahead. */
    static final List<String> BLOCKING_CONDITIONS = List.of("migrationAbortRequested", "migrationRejectedByResourceQuota",
            "migrationBlockedByUtilityVolumes", "decentralizedMigrationBlocked", "migrationBlockedByBackup");

    private final Sites sites;

    MigrationMapper(Sites sites) {
        this.sites = sites;
    }

    /** The action of a finished migration; empty while it runs. {@code vmi} may be null. */
    Optional<ObservedAction> map(GenericKubernetesResource vmim, GenericKubernetesResource vmi, Instant seenAt) {
        String phase = KubeFields.text(vmim, "status", "phase");
        boolean succeeded = "Succeeded".equals(phase);
        if (!succeeded && !"Failed".equals(phase)) {
            return Optional.empty();
        }
        String vmiName = KubeFields.text(vmim, "spec", "vmiName");
        if (vmiName == null) {
            return Optional.empty();
        }
        Map<String, Object> state = migrationState(vmim, vmi);
        String source = KubeFields.text(state, "sourceNode");
        String target = KubeFields.text(state, "targetNode");
        String vmKey = vmim.getMetadata().getNamespace() + "/" + vmiName;
        String detail = succeeded ? "live migration from " + orUnknown(source) + " to " + orUnknown(target)
                : failureDetail(vmim, state, source, target);
        // The VM ends up on the target when the migration succeeded, on the source when it failed.
        String site = sites.siteOfNode(succeeded ? target : source);
        HaAction action = new HaAction(site, Platform.KUBEVIRT, "migration/" + KubeFields.uid(vmim), vmKey, sites.cluster(),
                HaActionKind.MIGRATE, source, target, phase, detail);
        Instant at = KubeFields.phaseEntered(vmim, phase);
        if (at == null) {
            at = KubeFields.time(KubeFields.text(state, "endTimestamp"));
        }
        return Optional.of(new ObservedAction(action, at != null ? at : seenAt));
    }

    private static Map<String, Object> migrationState(GenericKubernetesResource vmim, GenericKubernetesResource vmi) {
        Map<String, Object> own = KubeFields.block(vmim, "status", "migrationState");
        if (!own.isEmpty() || vmi == null) {
            return own;
        }
        Map<String, Object> onVmi = KubeFields.block(vmi, "status", "migrationState");
        return KubeFields.uid(vmim) != null && KubeFields.uid(vmim).equals(KubeFields.text(onVmi, "migrationUid"))
                ? onVmi : Map.of();
    }

    private static String failureDetail(GenericKubernetesResource vmim, Map<String, Object> state, String source, String target) {
        List<String> parts = new ArrayList<>();
        parts.add("migration from " + orUnknown(source) + " to " + orUnknown(target) + " failed");
        String reason = KubeFields.text(state, "failureReason");
        if (reason != null && !reason.isBlank()) {
            parts.add(reason);
        }
        for (String type : BLOCKING_CONDITIONS) {
            KubeFields.condition(vmim, type).filter(c -> "True".equals(c.get("status"))).ifPresent(c -> {
                Object message = c.get("message");
                parts.add(type + (message == null ? "" : ": " + message));
            });
        }
        return String.join("; ", parts);
    }

    private static String orUnknown(String node) {
        return node == null ? "an unknown node" : node;
    }
}
