package org.sitewatch.simulator.vsphere;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A property filter (or the spec of one {@code RetrievePropertiesEx}): which properties of which
 * types, over the objects a container view shows or over one object. It remembers what it last
 * reported per object, so {@link #changesSince} gives {@code WaitForUpdatesEx}'s object updates: every
 * object as {@code enter} the first time, then {@code modify} with just the properties that differ
 * ({@code assign} a new value, {@code remove} a value that became unset, a {@code missingSet} for
 * properties that became unreadable), {@code leave} for objects gone, against what the client knew at
 * the version it names (the last few versions are kept).
 * Guarded by its {@link Vcenter}.
 */
final class PropertyFilter {

    /**
     * One object's update: kind {@code enter}, {@code modify} or {@code leave}, its property changes and the
     * properties that became unreadable (path to {@code LocalizedMethodFault}, the update's {@code missingSet}).
     */
    record ObjectUpdate(String kind, MoRef obj, List<Change> changes, Map<String, WireValue> missing) {
    }

    /** {@code op} is {@code assign} (with a value) or {@code remove} (without). */
    record Change(String name, String op, WireValue value) {
    }

    /**
     * What a read gives of one object: the asked properties that are set, and the asked ones vCenter could not
     * read (path to {@code LocalizedMethodFault}; then none of its values are given).
     */
    record ObjectReading(Map<String, WireValue> values, Map<String, WireValue> missing) {
        ObjectReading {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        }
    }

    private final MoRef ref;
    /** Property paths per managed object type; an empty list means every path the front serves. */
    private final Map<String, List<String>> paths;
    private final MoRef obj;
    /** The types the view shows, or null when {@link #obj} is the object itself. */
    private final List<String> viewTypes;
    /** What the session's client knew of this filter's objects at each version it was given. */
    private final NavigableMap<Long, Map<MoRef, ObjectReading>> reportedAt = new TreeMap<>();

    PropertyFilter(MoRef ref, Map<String, List<String>> paths, MoRef obj, List<String> viewTypes) {
        this.ref = ref;
        this.paths = Map.copyOf(paths);
        this.obj = obj;
        this.viewTypes = viewTypes == null ? null : List.copyOf(viewTypes);
    }

    MoRef ref() {
        return ref;
    }

    /**
     * The filter's objects now, each with the asked properties that are set; an object {@code unreadable}
     * names has every asked property in its missing set instead.
     */
    Map<MoRef, ObjectReading> select(VimInventory inventory, UnreadableObjects unreadable) {
        Map<MoRef, ObjectReading> out = new LinkedHashMap<>();
        inventory.objects().forEach((objRef, properties) -> {
            boolean shown = viewTypes == null ? objRef.equals(obj) : viewTypes.contains(objRef.type());
            List<String> asked = paths.get(objRef.type());
            if (shown && asked != null) {
                List<String> wanted = asked.isEmpty() ? VimInventory.PATHS.getOrDefault(objRef.type(), List.of()) : asked;
                WireValue fault = unreadable.faultOf(objRef);
                Map<String, WireValue> picked = new LinkedHashMap<>();
                Map<String, WireValue> missing = new LinkedHashMap<>();
                for (String path : wanted) {
                    WireValue value = properties.get(path);
                    if (fault != null) {
                        missing.put(path, fault);
                    } else if (value != null) {
                        picked.put(path, value);
                    }
                }
                out.put(objRef, new ObjectReading(picked, missing));
            }
        });
        return out;
    }

    /**
     * What changed since {@code baseVersion} (0 for "", when the client knows nothing): every object as
     * {@code enter} that the client did not have then, {@code modify} with the differing properties,
     * {@code leave} for objects gone. Reads the state the filter reported at that version; a filter made
     * after it reported nothing then.
     *
     * <p>A property that becomes unreadable is only named in the update's missing set: the client keeps the
     * value it had. When it is readable again, its value is assigned (or removed when unset), as it may
     * have changed meanwhile.
     */
    List<ObjectUpdate> changesSince(long baseVersion, Map<MoRef, ObjectReading> now) {
        Map<MoRef, ObjectReading> base = baseVersion == 0 ? Map.of()
                : reportedAt.getOrDefault(baseVersion, Map.of());
        List<ObjectUpdate> out = new ArrayList<>();
        now.forEach((objRef, reading) -> {
            ObjectReading before = base.get(objRef);
            List<Change> changes = new ArrayList<>();
            if (before == null) {
                reading.values().forEach((path, value) -> changes.add(new Change(path, "assign", value)));
                out.add(new ObjectUpdate("enter", objRef, changes, reading.missing()));
                return;
            }
            reading.values().forEach((path, value) -> {
                if (!Objects.equals(before.values().get(path), value)) {
                    changes.add(new Change(path, "assign", value));
                }
            });
            Set<String> knownBefore = new LinkedHashSet<>(before.values().keySet());
            knownBefore.addAll(before.missing().keySet());
            knownBefore.stream().filter(path -> !reading.values().containsKey(path) && !reading.missing().containsKey(path))
                    .forEach(path -> changes.add(new Change(path, "remove", null)));
            Map<String, WireValue> newlyMissing = new LinkedHashMap<>();
            reading.missing().forEach((path, fault) -> {
                if (!fault.equals(before.missing().get(path))) {
                    newlyMissing.put(path, fault);
                }
            });
            if (!changes.isEmpty() || !newlyMissing.isEmpty()) {
                out.add(new ObjectUpdate("modify", objRef, changes, newlyMissing));
            }
        });
        base.keySet().stream().filter(objRef -> !now.containsKey(objRef))
                .forEach(objRef -> out.add(new ObjectUpdate("leave", objRef, List.of(), Map.of())));
        return out;
    }

    /**
     * Remembers what the client knows at {@code version} (the answer that gave it), keeping the versions
     * from {@code oldestKept} on: a client may ask again from an earlier version whose answer it lost.
     */
    void reported(long version, Map<MoRef, ObjectReading> state, long oldestKept) {
        reportedAt.put(version, state);
        reportedAt.headMap(oldestKept).clear();
    }
}
