package org.sitewatch.simulator.engine;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.sitewatch.simulator.GuestSpec;
import org.sitewatch.simulator.StepAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one scenario action to a cluster's state at the step's scheduled time. An action whose
 * object no longer exists (e.g. a guest removed earlier) is skipped with a warning, since a looping
 * timeline may legitimately meet such states.
 */
final class StepApplier {

    private static final Logger LOG = LoggerFactory.getLogger(StepApplier.class);
    /** Phases of a service that is (or is about to be) running on its node. */
    private static final Set<HaPhase> ACTIVE = Set.of(HaPhase.STARTED, HaPhase.STARTING, HaPhase.MIGRATING);

    private StepApplier() {
    }

    static void apply(ClusterState cluster, StepAction action, Instant at) {
        if (action instanceof StepAction.ReplicationFail a) {
            withLink(cluster, a.job(), job -> job.injectedError = a.error());
        } else if (action instanceof StepAction.ReplicationRecover a) {
            withLink(cluster, a.job(), job -> job.injectedError = null);
        } else if (action instanceof StepAction.TestFailover a) {
            withLink(cluster, a.job(), job -> job.lastTestFailover = at);
        } else if (action instanceof StepAction.ReplicationFailover a) {
            withLink(cluster, a.job(), job -> {
                if (!job.failedOver()) {
                    job.failOver(at);
                    // The replica is the active copy now: the primary guest is shut down (through HA when managed).
                    vmStop(cluster, job.spec().guest(), at);
                }
            });
        } else if (action instanceof StepAction.ReplicationFailback a) {
            withLink(cluster, a.job(), job -> {
                if (job.failedOver()) {
                    job.failBack();
                    vmStart(cluster, job.spec().guest(), at);
                }
            });
        } else if (action instanceof StepAction.HaFence a) {
            GuestState g = haGuest(cluster, a.sid());
            if (g != null) {
                fence(g, at);
            }
        } else if (action instanceof StepAction.HaMigrate a) {
            GuestState g = haGuest(cluster, a.sid());
            if (g != null && g.phase == HaPhase.STARTED && !a.node().equals(g.node)) {
                g.migrateTarget = a.node();
                g.setPhase(HaPhase.MIGRATING, at);
            }
        } else if (action instanceof StepAction.NodeOffline a) {
            nodeOffline(cluster, a.node(), at);
        } else if (action instanceof StepAction.NodeOnline a) {
            nodeOnline(cluster, a.node(), at);
        } else if (action instanceof StepAction.VmStop a) {
            vmStop(cluster, a.vmid(), at);
        } else if (action instanceof StepAction.VmStart a) {
            vmStart(cluster, a.vmid(), at);
        } else if (action instanceof StepAction.VmRemove a) {
            if (guest(cluster, a.vmid()) != null) {
                cluster.guests.remove(a.vmid());
                cluster.links.values().removeIf(j -> j.spec().guest() == a.vmid());
            }
        } else if (action instanceof StepAction.VmAdd a) {
            addGuest(cluster, a.guest(), at);
        } else if (action instanceof StepAction.ApiFault a) {
            cluster.faults.set(a.kind(), a.scope(), a.duration() == null ? null : at.plus(a.duration()));
        } else if (action instanceof StepAction.ApiOk a) {
            cluster.faults.clear(a.scope());
        } else if (action instanceof StepAction.QDevice a) {
            qdevice(cluster, a.connected(), at);
        }
    }

    private static void vmStop(ClusterState cluster, int vmid, Instant at) {
        GuestState g = guest(cluster, vmid);
        if (g != null && g.ha()) {
            g.requestState = "stopped";
            g.setPhase(HaPhase.STOPPING, at);
        } else if (g != null) {
            g.running = false;
        }
    }

    private static void vmStart(ClusterState cluster, int vmid, Instant at) {
        GuestState g = guest(cluster, vmid);
        if (g != null && g.ha()) {
            g.requestState = "started";
            g.setPhase(HaPhase.STARTING, at);
        } else if (g != null && !g.running) {
            g.start(at);
        }
    }

    private static void fence(GuestState g, Instant at) {
        g.fencedFrom = g.node;
        g.migrateTarget = null;
        g.running = false;
        g.setPhase(HaPhase.FENCING, at);
    }

    private static void nodeOffline(ClusterState cluster, String name, Instant at) {
        NodeState node = cluster.node(name);
        if (node == null || !node.online) {
            return;
        }
        node.online = false;
        node.since = at;
        for (GuestState g : cluster.haGuests()) {
            if (name.equals(g.node) && ACTIVE.contains(g.phase)) {
                fence(g, at);
            }
        }
    }

    private static void nodeOnline(ClusterState cluster, String name, Instant at) {
        NodeState node = cluster.node(name);
        if (node == null || node.online) {
            return;
        }
        boolean wasQuorate = cluster.quorate();
        node.online = true;
        node.since = at;
        // The node rebooted: guests still placed on it (non-HA) start again with fresh uptime.
        cluster.guests().stream().filter(g -> name.equals(g.node) && g.running).forEach(g -> g.startedAt = at);
        restartFencingIfQuorumReturned(cluster, wasQuorate, at);
    }

    private static void qdevice(ClusterState cluster, boolean connected, Instant at) {
        if (cluster.qdevice() == null) {
            LOG.warn("cluster {}: has no quorum device, step skipped", cluster.name());
            return;
        }
        boolean wasQuorate = cluster.quorate();
        cluster.qdeviceConnected = connected;
        restartFencingIfQuorumReturned(cluster, wasQuorate, at);
    }

    /** Fencing could not proceed without quorum; its delay counts from when quorum returns. */
    private static void restartFencingIfQuorumReturned(ClusterState cluster, boolean wasQuorate, Instant at) {
        if (!wasQuorate && cluster.quorate()) {
            cluster.haGuests().stream().filter(g -> g.phase == HaPhase.FENCING).forEach(g -> g.phaseSince = at);
        }
    }

    private static void addGuest(ClusterState cluster, GuestSpec spec, Instant at) {
        if (cluster.guests.containsKey(spec.vmid())) {
            LOG.warn("cluster {}: vm-add skipped, guest {} already exists", cluster.name(), spec.vmid());
            return;
        }
        cluster.guests.put(spec.vmid(), new GuestState(spec, at));
    }

    private static void withLink(ClusterState cluster, String id, Consumer<ReplicationLinkState> change) {
        ReplicationLinkState job = cluster.links.get(id);
        if (job == null) {
            LOG.warn("cluster {}: replication job {} no longer exists, step skipped", cluster.name(), id);
        } else {
            change.accept(job);
        }
    }

    private static GuestState guest(ClusterState cluster, int vmid) {
        GuestState g = cluster.guests.get(vmid);
        if (g == null) {
            LOG.warn("cluster {}: guest {} does not exist, step skipped", cluster.name(), vmid);
        }
        return g;
    }

    private static GuestState haGuest(ClusterState cluster, String sid) {
        GuestState g = cluster.haGuest(sid);
        if (g == null) {
            LOG.warn("cluster {}: HA service {} does not exist, step skipped", cluster.name(), sid);
        }
        return g;
    }
}
