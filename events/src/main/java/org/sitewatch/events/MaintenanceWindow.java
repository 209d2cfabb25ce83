package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A period during which alerts about a site, cluster, host, replicated item or VM are suppressed:
 * they are listed with {@code suppressed: true} and not delivered. Matchers are label equality on
 * the alert's labels ({@code site}, {@code cluster}, {@code host}, {@code item}, {@code vm}); every
 * matcher given must match (AND), and at least one is required, so a window never silences
 * everything by accident. Active on {@code [startsAt, endsAt)}.
 *
 * <p>Also the value of the maintenance topic ({@link Topics#MAINTENANCE}, JSON, keyed by {@link #id()}),
 * so its shape is a contract: readers ignore unknown fields, nulls are left out. The alerting module
 * keeps the windows ({@code MaintenanceWindows}) and applies them to alerts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaintenanceWindow(String id, String site, String cluster, String host, String item, String vm,
                                Instant startsAt, Instant endsAt, String reason, String createdBy) {

    /** Ids go into URLs and Kafka keys: the same alphabet as site and collector ids. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public MaintenanceWindow {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be letters, digits, '.', '_' or '-' (at most 64): " + id);
        }
        site = blankToNull(site);
        cluster = blankToNull(cluster);
        host = blankToNull(host);
        item = blankToNull(item);
        vm = blankToNull(vm);
        if (site == null && cluster == null && host == null && item == null && vm == null) {
            throw new IllegalArgumentException("maintenance window " + id
                    + " needs at least one of site, cluster, host, item, vm (it would otherwise silence every alert)");
        }
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("maintenance window " + id + " must end after it starts: startsAt "
                    + startsAt + ", endsAt " + endsAt);
        }
    }

    /** The label matchers, in a fixed order, only those given. */
    @JsonIgnore
    public Map<String, String> matchers() {
        Map<String, String> m = new LinkedHashMap<>();
        putIfSet(m, "site", site);
        putIfSet(m, "cluster", cluster);
        putIfSet(m, "host", host);
        putIfSet(m, "item", item);
        putIfSet(m, "vm", vm);
        return m;
    }

    /** Whether every matcher equals the alert's label of the same name (a missing label never matches). */
    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> m : matchers().entrySet()) {
            if (!m.getValue().equals(labels.get(m.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean endedBefore(Instant instant) {
        return !endsAt.isAfter(instant);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void putIfSet(Map<String, String> m, String name, String value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
