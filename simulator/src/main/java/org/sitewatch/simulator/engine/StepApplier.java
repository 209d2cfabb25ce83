package org.sitewatch.simulator.proxmox;

import java.time.Instant;
import java.util.Set;
import org.sitewatch.simulator.GuestSpec;
import org.sitewatch.simulator.StepAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one scenario action to a site's state at the step's scheduled time. An action whose
 * object no longer exists (e.g. a guest removed earlier) is skipped with a warning, since a looping
 * timeline may legitimately meet such states.
 */
final class StepApplier {

    private static final Logger LOG = LoggerFactory.getLogger(StepApplier.class);
    /** CRM states of a service that is (or is about to be) running on its node. */
    private static final Set<String> ACTIVE = Set.of("started", "request_start", "request_start_balance",
            "migrate", "relocate");

    private StepApplier() {
    }

    static void apply(SiteState site, StepAction action, Instant at) {
        if (action instanceof StepAction.ReplicationFail a) {
            ReplicationJob job = job(site, a.job());
            if (job != null) {
                job.injectedError = a.error();
            }
        } else if (action instanceof StepAction.ReplicationRecover a) {
            ReplicationJob job = job(site, a.job());
            if (job != null) {
                job.injectedError = null;
            }
        } else if (action instanceof StepAction.HaFence a) {
            GuestState g = haGuest(site, a.sid());
            if (g != null) {
                fence(g, at);
            }
        } else if (action instanceof StepAction.HaMigrate a) {
            GuestState g = haGuest(site, a.sid());
            if (g != null && "started".equals(g.crmState) && !a.node().equals(g.node)) {
                g.migrateTarget = a.node();
                g.setCrm("migrate", at);
            }
        } else if (action instanceof StepAction.NodeOffline a) {
            nodeOffline(site, a.node(), at);
        } else if (action instanceof StepAction.NodeOnline a) {
            nodeOnline(site, a.node(), at);
        } else if (action instanceof StepAction.VmStop a) {
            GuestState g = guest(site, a.vmid());
            if (g != null && g.ha()) {
                g.requestState = "stopped";
                g.setCrm("request_stop", at);
            } else if (g != null) {
                g.running = false;
            }
        } else if (action instanceof StepAction.VmStart a) {
            GuestState g = guest(site, a.vmid());
            if (g != null && g.ha()) {
                g.requestState = "started";
                g.setCrm("request_start", at);
            } else if (g != null && !g.running) {
                g.start(at);
            }
        } else if (action instanceof StepAction.VmRemove a) {
            if (guest(site, a.vmid()) != null) {
                site.guests.remove(a.vmid());
                site.jobs.values().removeIf(j -> j.spec.guest() == a.vmid());
            }
        } else if (action instanceof StepAction.VmAdd a) {
            addGuest(site, a.guest(), at);
        } else if (action instanceof StepAction.ApiFault a) {
            site.fault = a.kind();
            site.faultUntil = a.duration() == null ? null : at.plus(a.duration());
        } else if (action instanceof StepAction.ApiOk) {
            site.fault = null;
            site.faultUntil = null;
        }
    }

    private static void fence(GuestState g, Instant at) {
        g.fencedFrom = g.node;
        g.migrateTarget = null;
        g.running = false;
        g.setCrm("fence", at);
    }

    private static void nodeOffline(SiteState site, String name, Instant at) {
        NodeState node = site.nodes.get(name);
        if (node == null || !node.online) {
            return;
        }
        node.online = false;
        node.since = at;
        for (GuestState g : site.haGuests()) {
            if (name.equals(g.node) && ACTIVE.contains(g.crmState)) {
                fence(g, at);
            }
        }
    }

    private static void nodeOnline(SiteState site, String name, Instant at) {
        NodeState node = site.nodes.get(name);
        if (node == null || node.online) {
            return;
        }
        boolean wasQuorate = site.quorate();
        node.online = true;
        node.since = at;
        // The node rebooted: guests still placed on it (non-HA) start again with fresh uptime.
        site.guests.values().stream().filter(g -> name.equals(g.node) && g.running).forEach(g -> g.startedAt = at);
        if (!wasQuorate && site.quorate()) {
            // Fencing could not proceed without quorum; its delay counts from now.
            site.haGuests().stream().filter(g -> "fence".equals(g.crmState)).forEach(g -> g.crmSince = at);
        }
    }

    private static void addGuest(SiteState site, GuestSpec spec, Instant at) {
        if (site.guests.containsKey(spec.vmid())) {
            LOG.warn("site {}: vm-add skipped, guest {} already exists", site.name(), spec.vmid());
            return;
        }
        site.guests.put(spec.vmid(), new GuestState(spec, at));
    }

    private static ReplicationJob job(SiteState site, String id) {
        ReplicationJob job = site.jobs.get(id);
        if (job == null) {
            LOG.warn("site {}: replication job {} no longer exists, step skipped", site.name(), id);
        }
        return job;
    }

    private static GuestState guest(SiteState site, int vmid) {
        GuestState g = site.guests.get(vmid);
        if (g == null) {
            LOG.warn("site {}: guest {} does not exist, step skipped", site.name(), vmid);
        }
        return g;
    }

    private static GuestState haGuest(SiteState site, String sid) {
        GuestState g = site.haGuest(sid);
        if (g == null) {
            LOG.warn("site {}: HA service {} does not exist, step skipped", site.name(), sid);
        }
        return g;
    }
}
