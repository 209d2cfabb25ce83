package org.sitewatch.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses and validates the {@code replication} list of one cluster. */
final class ReplicationJobParser {

    private ReplicationJobParser() {
    }

    static List<ReplicationJobSpec> parseAll(YamlObject site, Set<String> nodeNames, List<GuestSpec> vms,
            String defaultTechnology) {
        List<ReplicationJobSpec> jobs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> guestTargets = new HashSet<>();
        for (YamlObject j : site.objects("replication")) {
            ReplicationJobSpec job = parse(j, nodeNames, vms, defaultTechnology);
            if (!ids.add(job.id())) {
                throw j.error("id", "duplicate replication job '" + job.id() + "'");
            }
            // PVE allows only one job per (guest, target node).
            if (!guestTargets.add(job.guest() + "/" + job.target())) {
                throw j.error("target", "guest " + job.guest() + " already has a job to " + job.target());
            }
            jobs.add(job);
        }
        return jobs;
    }

    private static ReplicationJobSpec parse(YamlObject j, Set<String> nodeNames, List<GuestSpec> vms,
            String defaultTechnology) {
        int guest = j.integer("guest");
        GuestSpec g = vms.stream().filter(v -> v.vmid() == guest).findFirst()
                .orElseThrow(() -> j.error("guest", "no guest with vmid " + guest + " in this cluster"));
        int jobnum = j.integer("jobnum", 0);
        if (jobnum < 0) {
            throw j.error("jobnum", "must not be negative");
        }
        String id = guest + "-" + jobnum;
        if (j.has("id") && !j.string("id").equals(id)) {
            throw j.error("id", "must be <guest>-<jobnum> = '" + id + "', got '" + j.string("id") + "'");
        }
        String target = j.string("target");
        if (!nodeNames.contains(target)) {
            throw j.error("target", "no node '" + target + "' in this cluster");
        }
        if (target.equals(g.node())) {
            throw j.error("target", "target must differ from the guest's node '" + g.node() + "'");
        }
        String schedule = j.has("schedule") ? j.string("schedule") : null;
        Integer every = j.optionalInteger("syncEverySeconds");
        try {
            ReplicationSchedule.of(schedule, every);
        } catch (IllegalArgumentException e) {
            throw j.error(every != null && every < 1 ? "syncEverySeconds" : "schedule", e.getMessage());
        }
        Duration syncDuration = ClusterParser.positive(j, "syncDuration",
                j.duration("syncDuration", Duration.ofSeconds(3)));
        double jitter = syncJitter(j);
        int retryUnit = j.integer("retryUnitSeconds", 60);
        if (retryUnit < 1) {
            throw j.error("retryUnitSeconds", "must be at least 1");
        }
        Double rate = j.optionalDouble("rate");
        if (rate != null && rate < 1) {
            throw j.error("rate", "must be at least 1 (MB/s)");
        }
        ReplicationJobSpec spec = new ReplicationJobSpec(id, guest, jobnum, target, schedule, every,
                syncDuration, jitter, retryUnit, rate, j.string("comment", null), j.bool("disable", false),
                j.string("technology", defaultTechnology));
        j.rejectUnknown();
        return spec;
    }

    /**
     * {@code syncJitter: 10%} as the fraction 0.1; 0 when absent. At most 50 %, so an attempt can never
     * start before the one of the previous slot.
     */
    private static double syncJitter(YamlObject j) {
        if (!j.has("syncJitter")) {
            return 0;
        }
        String text = j.string("syncJitter").trim();
        if (!text.endsWith("%")) {
            throw j.error("syncJitter", "must be a percentage of the interval such as 10%, got '" + text + "'");
        }
        double percent;
        try {
            percent = Double.parseDouble(text.substring(0, text.length() - 1).trim());
        } catch (NumberFormatException e) {
            throw j.error("syncJitter", "must be a percentage of the interval such as 10%, got '" + text + "'");
        }
        if (!(percent >= 0 && percent <= 50)) {
            throw j.error("syncJitter", "must be between 0% and 50% of the interval, got '" + text + "'");
        }
        return percent / 100;
    }
}
