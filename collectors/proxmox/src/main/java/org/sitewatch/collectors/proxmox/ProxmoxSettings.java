package org.sitewatch.collectors.proxmox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitewatch.collectors.spi.EndpointConfig;

/**
 * The Proxmox-specific reading of an endpoint's configuration.
 *
 * <ul>
 *   <li>{@code api-token}: required, {@code USER@REALM!TOKENID=SECRET};</li>
 *   <li>{@code target-rpo}: the RPO replication jobs are held to. PVE has no RPO setting, so by
 *       default it is twice the job's schedule when that is {@code *}{@code /N} (N minutes; PVE's
 *       default schedule is {@code *}{@code /15}), else 30 minutes;</li>
 *   <li>{@code node-sites}: nodes standing in another site (a stretched cluster); replication
 *       source and target sites follow them;</li>
 *   <li>option {@code critical-fail-count} (default 2): from this many failed syncs in a row a
 *       failing job is CRITICAL; below it WARNING.</li>
 * </ul>
 */
record ProxmoxSettings(String site, Map<String, String> nodeSites, Duration targetRpo, int criticalFailCount) {

    static final String CRITICAL_FAIL_COUNT = "critical-fail-count";
    static final int DEFAULT_CRITICAL_FAIL_COUNT = 2;
    static final Duration DEFAULT_RPO = Duration.ofMinutes(30);
    private static final Set<String> OPTIONS = Set.of(CRITICAL_FAIL_COUNT);
    /** PVE's token form: user@realm!tokenid=secret. */
    private static final Pattern TOKEN = Pattern.compile("[^@!=\\s]+@[^@!=\\s]+![A-Za-z][A-Za-z0-9._-]*=\\S+");
    private static final Pattern EVERY_N_MINUTES = Pattern.compile("\\*/(\\d{1,4})");

    static ProxmoxSettings of(EndpointConfig endpoint) {
        String failCount = endpoint.options().get(CRITICAL_FAIL_COUNT);
        return new ProxmoxSettings(endpoint.site(), endpoint.nodeSites(), endpoint.targetRpo(),
                failCount == null ? DEFAULT_CRITICAL_FAIL_COUNT : Integer.parseInt(failCount.trim()));
    }

    /** Readable problems of the endpoint's Proxmox settings; empty when usable. */
    static List<String> problems(EndpointConfig endpoint) {
        List<String> problems = new ArrayList<>();
        String scheme = endpoint.url().getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            problems.add("url must start with https:// (e.g. https://pve1:8006/api2/json) but was " + endpoint.address());
        }
        if (endpoint.apiToken() == null || endpoint.apiToken().isBlank()) {
            problems.add("api-token is required: USER@REALM!TOKENID=SECRET, e.g. monitor@pve!sitewatch=<uuid>");
        } else if (!TOKEN.matcher(endpoint.apiToken().trim()).matches()) {
            problems.add("api-token must look like USER@REALM!TOKENID=SECRET (e.g. monitor@pve!sitewatch=<uuid>); "
                    + "the value given does not (not shown, it is a secret)");
        }
        for (String option : endpoint.options().keySet()) {
            if (!OPTIONS.contains(option)) {
                problems.add("unknown option '" + option + "' for proxmox (known: " + OPTIONS + ")");
            }
        }
        String failCount = endpoint.options().get(CRITICAL_FAIL_COUNT);
        if (failCount != null) {
            try {
                if (Integer.parseInt(failCount.trim()) < 1) {
                    problems.add(CRITICAL_FAIL_COUNT + " must be at least 1 but was " + failCount);
                }
            } catch (NumberFormatException e) {
                problems.add(CRITICAL_FAIL_COUNT + " must be a whole number but was '" + failCount + "'");
            }
        }
        return problems;
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
