package org.sitewatch.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sitewatch.events.EventType;

/**
 * Event types as users name them on a command line or in a query string: the full CloudEvents type
 * ({@code org.sitewatch.vm.state.v1}), without the prefix and version ({@code vm.state},
 * {@code replication.status}), or the enum constant ({@code VM_STATE}), case-insensitive.
 */
public final class EventTypes {

    private static final String PREFIX = "org.sitewatch.";

    private EventTypes() {
    }

    /** @throws AuditException BAD_REQUEST listing the accepted short names */
    public static EventType resolve(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (EventType t : EventType.values()) {
            if (t.typeName().equals(w) || shortName(t).equals(w) || t.name().toLowerCase(Locale.ROOT).equals(w)
                    || t.typeName().equals(PREFIX + w)) {
                return t;
            }
        }
        throw new AuditException(AuditException.Kind.BAD_REQUEST, "unknown event type '" + word + "': use one of "
                + Arrays.stream(EventType.values()).map(EventTypes::shortName).collect(Collectors.joining(", "))
                + " (or the full type name, e.g. org.sitewatch.vm.state.v1)");
    }

    /** {@code org.sitewatch.vm.state.v1} -> {@code vm.state}. */
    public static String shortName(EventType t) {
        String rest = t.typeName().substring(PREFIX.length());
        return rest.substring(0, rest.lastIndexOf('.'));
    }
}
