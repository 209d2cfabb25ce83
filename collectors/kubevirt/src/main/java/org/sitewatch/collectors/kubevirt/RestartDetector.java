package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * Recognises KubeVirt's HA restart: KubeVirt has no restart event, but a VM whose run strategy
 * restarts it gets a new VMI (a new UID, same name) when the old one fails or is evicted from a lost
 * node. A RESTART action is reported when a VMI that ended abnormally on a node is followed by a new
 * VMI of the same VM that has been placed on a node:
 * <ul>
 *   <li>the old VMI's last phase was {@code Failed} (the new one may be on the same node), or</li>
 *   <li>the old VMI was deleted before it finished (evicted) and the new one runs on another node.</li>
 * </ul>
 * A VMI that ended {@code Succeeded} (a clean shutdown) and one that never had a node are not
 * restarts. The action id is {@code restart/<new VMI uid>}.
 *
 * <p>Limits: a user's restart ({@code virtctl restart}) that lands on another node reads the same as
 * an eviction; the detail says what was seen. Only what happens while the collector watches is seen:
 * if it was down between the old VMI's end and the new VMI, there is nothing to compare. Not
 * thread-safe; the collector calls it from its one event thread.
 */
final class RestartDetector {

    /** What was last seen of one VMI. */
    private record Instance(String uid, String node, String phase, String reason) {
        static Instance of(GenericKubernetesResource vmi) {
            return new Instance(KubeFields.uid(vmi), KubeFields.text(vmi, "status", "nodeName"),
                    KubeFields.text(vmi, "status", "phase"), KubeFields.text(vmi, "status", "reason"));
        }
    }

    private final Sites sites;
    private final Map<String, Instance> current = new HashMap<>();
    /** Per VM, the VMI that ended abnormally and has not been followed by a new one yet. */
    private final Map<String, Instance> ended = new HashMap<>();

    RestartDetector(Sites sites) {
        this.sites = sites;
    }

    /**
     * A VMI was added or changed.
     *
     * @param nodeTrouble why a node is not Ready (for the detail), empty when it is or is not known
     * @return a restart when this VMI replaces one that failed or was evicted
     */
    Optional<ObservedAction> onVmi(GenericKubernetesResource vmi, Function<String, Optional<String>> nodeTrouble,
                                   Instant seenAt) {
        String key = KubeFields.key(vmi);
        Instance now = Instance.of(vmi);
        Instance previous = current.put(key, now);
        if (previous != null && !previous.uid().equals(now.uid())) {
            // The new VMI arrived before the old one's deletion.
            endedUnlessClean(key, previous);
        }
        Instance before = ended.get(key);
        if (before == null || before.uid().equals(now.uid()) || now.node() == null) {
            return Optional.empty();
        }
        ended.remove(key);
        boolean failed = "Failed".equals(before.phase());
        if (!failed && before.node().equals(now.node())) {
            return Optional.empty();
        }
        String detail = "VMI " + before.uid() + (failed ? " failed" : " was deleted while " + orUnset(before.phase()))
                + " on " + before.node() + (before.reason() == null ? "" : " (" + before.reason() + ")")
                + nodeTrouble.apply(before.node()).map(t -> "; node " + before.node() + " NotReady: " + t).orElse("")
                + "; new VMI " + now.uid() + " on " + now.node();
        HaAction action = new HaAction(sites.siteOfNode(now.node()), Platform.KUBEVIRT, "restart/" + now.uid(), key,
                sites.cluster(), HaActionKind.RESTART, before.node(), now.node(), failed ? "Failed" : "Evicted", detail);
        Instant created = KubeFields.time(vmi.getMetadata().getCreationTimestamp());
        return Optional.of(new ObservedAction(action, created != null ? created : seenAt));
    }

    /** A VMI was deleted: unless it had finished cleanly, the next VMI of its VM may be a restart. */
    void onVmiDeleted(GenericKubernetesResource vmi) {
        String key = KubeFields.key(vmi);
        Instance last = Instance.of(vmi);
        Instance known = current.get(key);
        if (known != null && known.uid().equals(last.uid())) {
            current.remove(key);
        }
        if (known == null || known.uid().equals(last.uid())) {
            endedUnlessClean(key, last);
        }
    }

    /** The VM itself is gone: nothing of it is waiting for a new VMI any more. */
    void onVmDeleted(String key) {
        if (!current.containsKey(key)) {
            ended.remove(key);
        }
    }

    private void endedUnlessClean(String key, Instance instance) {
        if (instance.node() != null && !"Succeeded".equals(instance.phase())) {
            ended.put(key, instance);
        }
    }

    private static String orUnset(String phase) {
        return phase == null || phase.isEmpty() ? "in no phase" : phase;
    }
}
