package org.sitewatch.simulator;

import java.time.Duration;

/**
 * A replication link as declared in a scenario: one guest's disks copied from the node it runs on
 * to a target node, on a schedule. The target may stand in another site than the source (see
 * {@link NodeSpec#site()}), which makes it replication between sites. Today's links follow
 * pvesr's rules (schedule subset, retry back-off); {@code technology} names the mechanism so a
 * front can tell, and other vendors' technologies can bring their own rules.
 *
 * @param id               job id {@code <guest>-<jobnum>}
 * @param guest            replicated guest's vmid
 * @param jobnum           job number
 * @param target           target node
 * @param schedule         the {@code *}{@code /N} expression, or null when not explicitly set (then
 *                         PVE's default {@code *}{@code /15} applies and the field is not sent)
 * @param syncEverySeconds simulator-only override of the interval, or null
 * @param syncDuration     how long each sync attempt runs (while it runs, {@code pid} is sent)
 * @param syncJitter       simulator-only: each scheduled attempt starts up to this fraction of the
 *                         interval before or after its slot (0 to 0.5; 0 = on the slot)
 * @param retryUnitSeconds simulator-only scale of pvesr's retry rule; PVE uses 60 (minutes)
 * @param rate             rate limit in MB/s, or null
 * @param comment          comment, or null
 * @param disable          whether the job is disabled (never runs)
 * @param technology       replication technology as Sitewatch names it, e.g. {@code pvesr}
 */
public record ReplicationJobSpec(String id, int guest, int jobnum, String target, String schedule,
        Integer syncEverySeconds, Duration syncDuration, double syncJitter, int retryUnitSeconds, Double rate,
        String comment, boolean disable, String technology) {

    public ReplicationSchedule parsedSchedule() {
        return ReplicationSchedule.of(schedule, syncEverySeconds);
    }
}
