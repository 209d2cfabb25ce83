package org.sitewatch.simulator.engine;

import java.time.Instant;
import java.util.SplittableRandom;
import org.sitewatch.simulator.ReplicationJobSpec;
import org.sitewatch.simulator.ReplicationSchedule;

/**
 * State machine of one replication link, advanced through time by {@link #advanceTo}. Its rules
 * are pvesr's (the only technology simulated so far); a front words the fields for its API.
 *
 * <p>At each schedule boundary (slot), shifted by the job's {@code syncJitter} (see
 * {@link #plannedStartMillis}), an attempt starts ({@code last_try} = start, {@code pid} set) and
 * runs for the job's sync duration. It then succeeds ({@code last_sync} = its start, {@code fail_count}
 * 0, no {@code error}) or fails ({@code fail_count}+1, {@code error} set, {@code last_sync} frozen):
 * it fails while a scenario injected an error or while the target node is offline. After a failure
 * {@code next_sync} follows pvesr's retry rule, {@code last_try + unit × (fail_count ≤ 3 ? 5 ×
 * fail_count : 30)} with unit = 60 s in PVE (scaled by {@code retryUnitSeconds}), and is 0 while
 * the target is offline. Nothing runs while the guest's node is offline; a running sync is then
 * recorded as failed. Nothing runs while the link is failed over ({@link #failOver}); after the
 * failback the owed attempt starts at once. Events are processed at their own times, so coarse ticks give the same
 * result as fine ones. Guarded by the engine's lock.
 *
 * <p>Slots stay on the nominal schedule whatever the jitter, so the intervals between attempts
 * average the configured one (no drift). A slot missed while an attempt ran long or retried is
 * skipped, as pvesr does.
 */
public final class ReplicationLinkState {

    /** What the job needs to know about its cluster. */
    public interface Environment {
        /** Node the guest is on now, or null when the guest no longer exists. */
        String guestNode(int vmid);

        boolean isOnline(String node);
    }

    private final ReplicationJobSpec spec;
    private final ReplicationSchedule schedule;
    /** Seeds the jitter of each slot; derived from the cluster and job, so every run draws the same. */
    private final long jitterSeed;
    /** The first slot of this run (at or before its start); jitter is drawn per slot counted from it. */
    private final long firstSlot;
    /** The slot (nominal start, epoch seconds) of the last attempt. */
    private long slot;
    String target;
    long lastSync;
    long lastTry;
    int failCount;
    String error;
    double duration;
    boolean running;
    int pid;
    /** Error text injected by replication-fail; null when healthy. */
    String injectedError;
    Instant lastTestFailover;
    /** When the link was failed over; null while the primary is the active copy. */
    private Instant failedOverAt;
    private long syncStartMs;
    private long cursorMs;

    /** @param cluster name of the job's cluster, which seeds the jitter together with the job id */
    ReplicationLinkState(ReplicationJobSpec spec, String cluster, Instant start) {
        this.spec = spec;
        this.schedule = spec.parsedSchedule();
        this.target = spec.target();
        this.jitterSeed = (cluster + "/" + spec.id()).hashCode() * 0x9E3779B97F4A7C15L;
        // Start as if the job had been healthy so far: the last boundary synced fine.
        long prev = schedule.previousOrAt(start.getEpochSecond());
        this.firstSlot = prev;
        this.slot = prev;
        this.lastSync = prev;
        this.lastTry = prev;
        this.duration = spec.syncDuration().toMillis() / 1000.0;
        this.cursorMs = start.toEpochMilli();
    }

    public String id() {
        return spec.id();
    }

    public ReplicationJobSpec spec() {
        return spec;
    }

    /** Target node now (it swaps with the source when the guest moves onto its target). */
    public String target() {
        return target;
    }

    /** Start of the last successful sync, epoch seconds. */
    public long lastSync() {
        return lastSync;
    }

    /** Start of the last attempt, epoch seconds. */
    public long lastTry() {
        return lastTry;
    }

    /** Failed attempts in a row. */
    public int failCount() {
        return failCount;
    }

    /** Why the last attempt failed, or null. */
    public String error() {
        return error;
    }

    /** Duration of the last attempt in seconds. */
    public double duration() {
        return duration;
    }

    /** Whether an attempt is running now. */
    public boolean running() {
        return running;
    }

    /** Process id of the running attempt (made up but stable), 0 when none runs. */
    public int pid() {
        return pid;
    }

    /** When the last test failover ran, or null when never. */
    public Instant lastTestFailover() {
        return lastTestFailover;
    }

    /** Whether the link is failed over: the replica is the active copy and nothing is replicated. */
    public boolean failedOver() {
        return failedOverAt != null;
    }

    /** When the link was failed over, or null when it is not. */
    public Instant failedOverAt() {
        return failedOverAt;
    }

    /**
     * Replication stops: an attempt in flight is abandoned (not counted as failed) and none starts
     * until {@link #failBack}. The last successful sync stays the recovery point failed over to.
     */
    void failOver(Instant at) {
        failedOverAt = at;
        running = false;
        pid = 0;
    }

    /** Replication resumes: the slots missed while failed over are owed, so the next attempt starts at once. */
    void failBack() {
        failedOverAt = null;
    }

    /** Epoch seconds of the next planned attempt; 0 when none is scheduled. */
    public long nextSync(Environment env) {
        return Math.floorDiv(nextAttemptMillis(env), 1000);
    }

    /** Epoch millis of the next planned attempt: a retry or the next slot; 0 when none is scheduled. */
    private long nextAttemptMillis(Environment env) {
        if (spec.disable() || failedOver()) {
            return 0;
        }
        if (failCount > 0) {
            if (!env.isOnline(target)) {
                return 0;
            }
            long minutes = failCount <= 3 ? 5L * failCount : 30L;
            return (lastTry + spec.retryUnitSeconds() * minutes) * 1000;
        }
        return plannedStartMillis(schedule.nextAfter(slot));
    }

    /**
     * When the attempt of a slot starts: the slot shifted by a uniformly random offset within
     * ±{@code syncJitter} × interval. The offset is a pure function of the seed and the slot's distance
     * from the run's first slot, so a run is reproducible and reading the state never changes it.
     */
    long plannedStartMillis(long slotEpochSecond) {
        long slotMs = slotEpochSecond * 1000;
        if (spec.syncJitter() == 0) {
            return slotMs;
        }
        double unit = new SplittableRandom(jitterSeed + (slotEpochSecond - firstSlot)).nextDouble();
        double maxOffsetMs = spec.syncJitter() * schedule.intervalSeconds() * 1000;
        return slotMs + Math.round((2 * unit - 1) * maxOffsetMs);
    }

    /** Start of the last (or running) attempt, epoch millis. */
    long attemptStartMillis() {
        return syncStartMs;
    }

    void advanceTo(Instant now, Environment env) {
        long nowMs = now.toEpochMilli();
        if (nowMs < cursorMs) {
            return;
        }
        // The guard only protects against pathological huge clock jumps.
        for (int guard = 0; guard < 1_000_000; guard++) {
            String source = env.guestNode(spec.guest());
            if (source == null || !env.isOnline(source)) {
                if (running) {
                    fail(cursorMs, "replication interrupted: node '" + source + "' went offline");
                }
                break;
            }
            long eventMs;
            if (running) {
                eventMs = syncStartMs + spec.syncDuration().toMillis();
            } else {
                eventMs = nextAttemptMillis(env);
                if (eventMs == 0) {
                    break;
                }
            }
            long at = Math.max(eventMs, cursorMs);
            if (at > nowMs) {
                break;
            }
            if (running) {
                finish(at, env);
            } else {
                startAttempt(at);
            }
            cursorMs = at;
        }
        cursorMs = nowMs;
    }

    private void startAttempt(long atMs) {
        if (failCount == 0) {
            slot = schedule.nextAfter(slot);
        }
        // An attempt that starts after later slots passed (a long sync, retries) stands for them too.
        slot = Math.max(slot, schedule.previousOrAt(Math.floorDiv(atMs, 1000)));
        running = true;
        syncStartMs = atMs;
        lastTry = atMs / 1000;
        // A made-up but stable process id.
        pid = 2000 + (int) Math.floorMod(atMs / 1000 * 31 + spec.guest(), 60000L);
    }

    private void finish(long atMs, Environment env) {
        String reason = injectedError != null ? injectedError
                : env.isOnline(target) ? null
                : "command '/usr/bin/ssh -e none -o 'BatchMode=yes' root@" + target
                        + " -- pvesr prepare-local-job " + spec.id() + "' failed: No route to host";
        if (reason != null) {
            fail(atMs, reason);
            return;
        }
        duration = (atMs - syncStartMs) / 1000.0;
        running = false;
        pid = 0;
        lastSync = syncStartMs / 1000;
        failCount = 0;
        error = null;
    }

    private void fail(long atMs, String reason) {
        duration = (atMs - syncStartMs) / 1000.0;
        running = false;
        pid = 0;
        failCount++;
        error = reason;
    }
}
