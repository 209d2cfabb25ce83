package org.sitewatch.bench.load;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * One site of the synthetic estate: its hosts, clusters, VMs and replication jobs, their current
 * state, and the records its collector would publish for them. Values follow what the Proxmox
 * collector writes: vmids from 100, nodes {@code pve1..}, pvesr jobs {@code <vmid>-0} with a 15-minute
 * schedule, HA action ids {@code <sid>@<epoch seconds>:<crm state>}, one collector {@code <site>-pve}
 * polling every 15 s.
 */
final class SyntheticSite {

    static final long POLL_INTERVAL_SECONDS = 15;
    /** pvesr's default schedule {@code *&#47;15}: a 15-minute recovery point objective. */
    static final long TARGET_RPO_SECONDS = 900;
    /** PVE's critical-fail-count: this many failed syncs in a row make a job CRITICAL rather than WARNING. */
    static final int CRITICAL_FAIL_COUNT = 3;
    private static final String SYNC_ERROR = "command 'zfs recv -F -- rpool/data/vm-%s-disk-0' failed: exit code 1";

    private final String name;
    private final Platform platform;
    private final String partner;
    private final String collectorId;
    private final String endpoint;
    private final URI source;
    private final String[] clusters;
    private final Host[] hosts;
    private final Vm[] vms;
    private final Job[] jobs;
    final FaultPool failedHosts;
    final FaultPool failedJobs;
    /** Only VMs without a replication job are deleted, so a job never outlives its VM. */
    final FaultPool removedVms;

    private static final class Host {
        final String id;
        final int cluster;
        HaHostState state = HaHostState.HEALTHY;

        Host(String id, int cluster) {
            this.id = id;
            this.cluster = cluster;
        }
    }

    private static final class Vm {
        final String id;
        final String name;
        final boolean haProtected;
        int host;
        PowerState power;
        boolean removed;

        Vm(String id, String name, boolean haProtected, int host, PowerState power) {
            this.id = id;
            this.name = name;
            this.haProtected = haProtected;
            this.host = host;
            this.power = power;
        }
    }

    private static final class Job {
        final int vm;
        final String targetHost;
        /** How old the last sync is when the job is first reported. */
        final int firstSyncAgeSeconds;
        /** Null until the job is first reported. */
        Instant lastSync;
        int failCount;

        Job(int vm, String targetHost, int firstSyncAgeSeconds) {
            this.vm = vm;
            this.targetHost = targetHost;
            this.firstSyncAgeSeconds = firstSyncAgeSeconds;
        }
    }

    SyntheticSite(EstateShape shape, int index, SplittableRandom random) {
        this.name = siteName(index);
        this.platform = shape.platform();
        this.partner = siteName(shape.partnerOf(index));
        this.collectorId = name + "-pve";
        this.endpoint = "https://pve1." + name + ".example:8006/api2/json";
        // As the collector runtime names an endpoint's source: /sitewatch/collectors/<platform>/<endpoint id>.
        this.source = URI.create("/sitewatch/collectors/" + platform.wire() + "/" + collectorId);
        clusters = new String[shape.clustersPerSite()];
        for (int c = 0; c < clusters.length; c++) {
            clusters[c] = clusters.length == 1 ? name : name + "-c" + (c + 1);
        }
        hosts = new Host[shape.hostsPerSite()];
        for (int h = 0; h < hosts.length; h++) {
            hosts[h] = new Host("pve" + (h + 1), h % clusters.length);
        }
        vms = new Vm[shape.vmsPerSite()];
        for (int v = 0; v < vms.length; v++) {
            String vmid = Integer.toString(100 + v);
            // Three VMs in four are HA-managed, nine in ten run.
            vms[v] = new Vm(vmid, String.format(Locale.ROOT, "%s-%04d", v % 3 == 0 ? "db" : "app", v), v % 4 != 3,
                    v % hosts.length, random.nextInt(10) == 0 ? PowerState.STOPPED : PowerState.RUNNING);
        }
        jobs = new Job[shape.replicatedPerSite()];
        for (int j = 0; j < jobs.length; j++) {
            jobs[j] = new Job(j, "pve" + (j % hosts.length + 1), random.nextInt((int) TARGET_RPO_SECONDS));
        }
        failedHosts = new FaultPool(0, hosts.length, hosts.length / 4);
        failedJobs = new FaultPool(0, jobs.length, jobs.length / 10);
        int removable = vms.length - jobs.length;
        removedVms = removable > 0 ? new FaultPool(jobs.length, removable, removable / 100) : new FaultPool(0, 0, 0);
    }

    static String siteName(int index) {
        return String.format(Locale.ROOT, "site-%03d", index);
    }

    String name() {
        return name;
    }

    URI source() {
        return source;
    }

    int entityCount() {
        return clusters.length + hosts.length + vms.length + jobs.length + 1;
    }

    /** The inventory record {@code i} of this site: clusters, then hosts, VMs, jobs, and the heartbeat last. */
    EventData inventory(int i, Instant time, SplittableRandom random) {
        if (i < clusters.length) {
            return cluster(i);
        }
        i -= clusters.length;
        if (i < hosts.length) {
            return host(i);
        }
        i -= hosts.length;
        if (i < vms.length) {
            return vm(i);
        }
        i -= vms.length;
        if (i < jobs.length) {
            return job(i, time);
        }
        return heartbeat(time, random);
    }

    // ---- records as the collector reports them

    private HaCluster cluster(int c) {
        int total = 0;
        int healthy = 0;
        for (Host h : hosts) {
            if (h.cluster == c) {
                total++;
                healthy += h.state == HaHostState.HEALTHY ? 1 : 0;
            }
        }
        int majority = total / 2 + 1;
        boolean quorate = healthy >= majority;
        return new HaCluster(name, platform, clusters[c], clusters[c], true, total, healthy, Math.max(0, healthy - majority),
                quorate, quorate ? "quorate" : "not quorate");
    }

    private HaHost host(int h) {
        Host host = hosts[h];
        boolean healthy = host.state == HaHostState.HEALTHY;
        return new HaHost(name, platform, host.id, host.id, clusters[host.cluster], host.state, healthy ? "online" : "offline",
                healthy ? "active" : "node '" + host.id + "' is offline", false);
    }

    private VmState vm(int v) {
        Vm vm = vms[v];
        String haState = !vm.haProtected ? null : vm.power == PowerState.RUNNING ? "started" : "stopped";
        return new VmState(name, platform, vm.id, vm.name, hosts[vm.host].id, clusters[hosts[vm.host].cluster], vm.power,
                vm.power == PowerState.RUNNING ? "running" : "stopped", vm.haProtected, haState, vm.removed);
    }

    private ReplicationStatus job(int j, Instant time) {
        Job job = jobs[j];
        if (job.lastSync == null) {
            job.lastSync = time.truncatedTo(ChronoUnit.SECONDS).minusSeconds(job.firstSyncAgeSeconds);
        }
        Vm vm = vms[job.vm];
        boolean failed = failedJobs.isBroken(j);
        ReplicationHealth health = !failed ? ReplicationHealth.OK
                : job.failCount >= CRITICAL_FAIL_COUNT ? ReplicationHealth.CRITICAL : ReplicationHealth.WARNING;
        String error = failed ? String.format(Locale.ROOT, SYNC_ERROR, vm.id) : null;
        long lag = Math.max(0, Duration.between(job.lastSync, time).getSeconds());
        return new ReplicationStatus(name, platform, vm.id + "-0", vm.id, vm.name, name, partner, hosts[vm.host].id,
                job.targetHost, "pvesr", failed ? ReplicationState.FAILED : ReplicationState.REPLICATING, health,
                failed ? error : "OK", TARGET_RPO_SECONDS, job.lastSync, lag, null, failed ? job.failCount : 0, error, false);
    }

    private CollectorHeartbeat heartbeat(Instant time, SplittableRandom random) {
        return new CollectorHeartbeat(name, platform, collectorId, endpoint, CollectorStatus.OK, null, null,
                80L + random.nextInt(400), time, POLL_INTERVAL_SECONDS, null);
    }

    // ---- changes: each updates the site's state and returns the one record that reports it

    EventData heartbeatChange(Instant time, SplittableRandom random) {
        return heartbeat(time, random);
    }

    /** Starts or stops a VM that exists. */
    EventData powerChange(SplittableRandom random) {
        int v = existingVm(random, false);
        Vm vm = vms[v];
        vm.power = vm.power == PowerState.RUNNING ? PowerState.STOPPED : PowerState.RUNNING;
        return vm(v);
    }

    /** A job synced again (last sync in the last two minutes); a failing job's lag just grows. */
    EventData lagChange(Instant time, SplittableRandom random) {
        int j = random.nextInt(jobs.length);
        Instant synced = time.truncatedTo(ChronoUnit.SECONDS).minusSeconds(random.nextInt(120));
        Instant before = jobs[j].lastSync;
        if (!failedJobs.isBroken(j) && (before == null || synced.isAfter(before))) {
            jobs[j].lastSync = synced;
        }
        return job(j, time);
    }

    EventData hostFailureChange(SplittableRandom random) {
        FaultPool.Toggle toggle = failedHosts.next(random);
        hosts[toggle.index()].state = toggle.broken() ? HaHostState.FAILED : HaHostState.HEALTHY;
        return host(toggle.index());
    }

    EventData replicationFailureChange(Instant time, SplittableRandom random) {
        FaultPool.Toggle toggle = failedJobs.next(random);
        Job job = jobs[toggle.index()];
        if (toggle.broken()) {
            job.failCount = 1 + random.nextInt(CRITICAL_FAIL_COUNT + 1);
        } else {
            job.failCount = 0;
            job.lastSync = time.truncatedTo(ChronoUnit.SECONDS);
        }
        return job(toggle.index(), time);
    }

    EventData vmRemovalChange(SplittableRandom random) {
        FaultPool.Toggle toggle = removedVms.next(random);
        Vm vm = vms[toggle.index()];
        vm.removed = toggle.broken();
        vm.power = toggle.broken() ? PowerState.STOPPED : PowerState.RUNNING;
        return vm(toggle.index());
    }

    /** HA acts on a protected VM: mostly migrations, sometimes a fence, a recovery or a restart. */
    EventData haActionChange(Instant time, SplittableRandom random) {
        Vm vm = vms[existingVm(random, true)];
        int draw = random.nextInt(10);
        HaActionKind kind = draw < 6 ? HaActionKind.MIGRATE : draw < 7 ? HaActionKind.FENCE
                : draw < 8 ? HaActionKind.RECOVERY : HaActionKind.RESTART;
        String crmState = switch (kind) {
            case MIGRATE -> "migrate";
            case FENCE -> "fence";
            case RECOVERY -> "recovery";
            default -> "started";
        };
        Host from = hosts[vm.host];
        Host to = null;
        if (kind != HaActionKind.FENCE) {
            vm.host = otherHostOfCluster(vm.host, random);
            to = hosts[vm.host];
        }
        String sid = "vm:" + vm.id;
        return new HaAction(name, platform, sid + "@" + time.getEpochSecond() + ":" + crmState, vm.id, clusters[from.cluster],
                kind, from.id, to == null ? null : to.id, crmState,
                "service '" + sid + "' " + crmState + (to == null ? " on node '" + from.id + "'" : " to node '" + to.id + "'"));
    }

    /** A random VM that exists (and is HA-managed, when asked); the first VM if there is none. */
    private int existingVm(SplittableRandom random, boolean haProtected) {
        int v = random.nextInt(vms.length);
        for (int probe = 0; probe < vms.length; probe++, v = (v + 1) % vms.length) {
            if (!vms[v].removed && (vms[v].haProtected || !haProtected)) {
                return v;
            }
        }
        return 0;
    }

    private int otherHostOfCluster(int current, SplittableRandom random) {
        int cluster = hosts[current].cluster;
        int h = random.nextInt(hosts.length);
        for (int probe = 0; probe < hosts.length && (h == current || hosts[h].cluster != cluster); probe++) {
            h = (h + 1) % hosts.length;
        }
        return hosts[h].cluster == cluster ? h : current;
    }

    boolean hasJobs() {
        return jobs.length > 0;
    }

    boolean hasRemovableVms() {
        return !removedVms.isEmpty();
    }
}
