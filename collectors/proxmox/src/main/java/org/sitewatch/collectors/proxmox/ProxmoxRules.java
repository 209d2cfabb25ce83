package org.sitewatch.collectors.proxmox;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitewatch.collectors.spi.EndpointConfig;

/**
 * The rules the Proxmox mappers apply, from the endpoint's common keys and its
 * {@link ProxmoxSettings}.
 *
 * <ul>
 *   <li>{@code target-rpo}: the RPO replication jobs are held to. PVE has no RPO setting, so by
 *       default it is twice the job's schedule when that is {@code *}{@code /N} (N minutes; PVE's
 *       default schedule is {@code *}{@code /15}), else 30 minutes;</li>
 *   <li>{@code node-sites}: nodes standing in another site (a stretched cluster); replication
 *       source and target sites follow them;</li>
 *   <li>{@code proxmox.critical-fail-count} (default 2): from this many failed syncs in a row a
 *       failing job is CRITICAL; below it WARNING.</li>
 * </ul>
 */
record ProxmoxRules(String site, Map<String, String> nodeSites, Duration targetRpo, int criticalFailCount) {

    static final Duration DEFAULT_RPO = Duration.ofMinutes(30);
    private static final Pattern EVERY_N_MINUTES = Pattern.compile("\\*/(\\d{1,4})");

    static ProxmoxRules of(EndpointConfig endpoint, int criticalFailCount) {
        return new ProxmoxRules(endpoint.site(), endpoint.nodeSites(), endpoint.targetRpo(), criticalFailCount);
    }

    /** The target RPO of a job with this schedule (null when the job has no explicit schedule). */
    long targetRpoSeconds(String schedule) {
        if (targetRpo != null) {
            return targetRpo.toSeconds();
        }
        Matcher m = EVERY_N_MINUTES.matcher(schedule == null ? "*/15" : schedule.trim());
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            return Duration.ofMinutes(2L * Integer.parseInt(m.group(1))).toSeconds();
        }
        return DEFAULT_RPO.toSeconds();
    }

    String siteOf(String node) {
        return node == null ? site : nodeSites.getOrDefault(node, site);
    }
}
