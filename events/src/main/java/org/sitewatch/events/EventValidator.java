package org.sitewatch.events;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks what the JSON Schemas require but Java types cannot: required fields present, site names
 * usable in keys. Returns every problem at once so a dead-lettered record explains itself fully.
 */
public final class EventValidator {

    /** Site names go into keys and subjects separated by '/', so they may not contain one. */
    public static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private EventValidator() {
    }

    public static List<String> problems(EventData data) {
        List<String> problems = new ArrayList<>();
        if (data.site() == null || !SITE_NAME.matcher(data.site()).matches()) {
            problems.add("site must match " + SITE_NAME.pattern() + " but was " + quoted(data.site()));
        }
        require(problems, data.platform(), "platform");
        if (data.entityId() == null || data.entityId().isBlank()) {
            problems.add("the entity id is missing");
        }
        // Java 17: no pattern matching in switch yet, hence the instanceof chain.
        if (data instanceof VmState vm) {
            require(problems, vm.power(), "power");
        } else if (data instanceof HaHost host) {
            require(problems, host.state(), "state");
        } else if (data instanceof HaAction action) {
            require(problems, action.action(), "action");
        } else if (data instanceof ReplicationStatus r) {
            require(problems, r.state(), "state");
            require(problems, r.health(), "health");
            require(problems, r.sourceSite(), "sourceSite");
            require(problems, r.targetSite(), "targetSite");
        } else if (data instanceof CollectorHeartbeat hb) {
            require(problems, hb.status(), "status");
            if (hb.intervalSeconds() <= 0) {
                problems.add("intervalSeconds must be positive but was " + hb.intervalSeconds());
            }
        }
        return problems;
    }

    /** Throws {@link InvalidEventException} with every problem when the data is not valid. */
    public static void check(EventData data) {
        List<String> problems = problems(data);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    EventType.of(data).typeName() + ": " + String.join("; ", problems));
        }
    }

    private static void require(List<String> problems, Object value, String field) {
        if (value == null) {
            problems.add(field + " is missing");
        }
    }

    private static String quoted(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
