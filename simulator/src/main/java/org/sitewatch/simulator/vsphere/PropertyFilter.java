package org.sitewatch.simulator.vsphere;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A property filter (or the spec of one {@code RetrievePropertiesEx}): which properties of which
 * types, over the objects a container view shows or over one object. It remembers what it last
 * reported per object, so {@link #changes} gives {@code WaitForUpdatesEx}'s object updates: every
 * object as {@code enter} the first time, then {@code modify} with just the properties that differ
 * ({@code assign} a new value, {@code remove} a value that became unset), {@code leave} for objects
 * gone, against what the client knew at the version it names (the last few versions are kept).
 * Guarded by its {@link Vcenter}.
 */
final class PropertyFilter {

    /** One object's update: kind {@code enter}, {@code modify} or {@code leave}, and its property changes. */
    record ObjectUpdate(String kind, MoRef obj, List<Change> changes) {
    }

    /** {@code op} is {@code assign} (with a value) or {@code remove} (without). */
    record Change(String name, String op, WireValue value) {
    }

    private final MoRef ref;
    /** Property paths per managed object type; an empty list means every path the front serves. */
    private final Map<String, List<String>> paths;
    private final MoRef obj;
    /** The types the view shows, or null when {@link #obj} is the object itself. */
    private final List<String> viewTypes;
    /** What the session's client knew of this filter's objects at each version it was given. */
    private final NavigableMap<Long, Map<MoRef, Map<String, WireValue>>> reportedAt = new TreeMap<>();

    PropertyFilter(MoRef ref, Map<String, List<String>> paths, MoRef obj, List<String> viewTypes) {
        this.ref = ref;
        this.paths = Map.copyOf(paths);
        this.obj = obj;
        this.viewTypes = viewTypes == null ? null : List.copyOf(viewTypes);
    }

    MoRef ref() {
        return ref;
    }

    /** The filter's objects now, each with the asked properties that are set. */
    Map<MoRef, Map<String, WireValue>> select(VimInventory inventory) {
        Map<MoRef, Map<String, WireValue>> out = new LinkedHashMap<>();
        inventory.objects().forEach((objRef, properties) -> {
            boolean shown = viewTypes == null ? objRef.equals(obj) : viewTypes.contains(objRef.type());
            List<String> asked = paths.get(objRef.type());
            if (shown && asked != null) {
                Map<String, WireValue> picked = new LinkedHashMap<>();
                List<String> wanted = asked.isEmpty() ? VimInventory.PATHS.getOrDefault(objRef.type(), List.of()) : asked;
                for (String path : wanted) {
                    WireValue value = properties.get(path);
                    if (value != null) {
                        picked.put(path, value);
                    }
                }
                out.put(objRef, picked);
            }
        });
        return out;
    }

    /**
     * What changed since {@code baseVersion} (0 for "", when the client knows nothing): every object as
     * {@code enter} that the client did not have then, {@code modify} with the differing properties,
     * {@code leave} for objects gone. Reads the state the filter reported at that version; a filter made
     * after it reported nothing then.
     */
    List<ObjectUpdate> changesSince(long baseVersion, Map<MoRef, Map<String, WireValue>> now) {
        Map<MoRef, Map<String, WireValue>> base = baseVersion == 0 ? Map.of()
                : reportedAt.getOrDefault(baseVersion, Map.of());
        List<ObjectUpdate> out = new ArrayList<>();
        now.forEach((objRef, properties) -> {
            Map<String, WireValue> before = base.get(objRef);
            List<Change> changes = new ArrayList<>();
            if (before == null) {
                properties.forEach((path, value) -> changes.add(new Change(path, "assign", value)));
                out.add(new ObjectUpdate("enter", objRef, changes));
                return;
            }
            properties.forEach((path, value) -> {
                if (!Objects.equals(before.get(path), value)) {
                    changes.add(new Change(path, "assign", value));
                }
            });
            before.keySet().stream().filter(path -> !properties.containsKey(path))
                    .forEach(path -> changes.add(new Change(path, "remove", null)));
            if (!changes.isEmpty()) {
                out.add(new ObjectUpdate("modify", objRef, changes));
            }
        });
        base.keySet().stream().filter(objRef -> !now.containsKey(objRef))
                .forEach(objRef -> out.add(new ObjectUpdate("leave", objRef, List.of())));
        return out;
    }

    /**
     * Remembers what the client knows at {@code version} (the answer that gave it), keeping the versions
     * from {@code oldestKept} on: a client may ask again from an earlier version whose answer it lost.
     */
    void reported(long version, Map<MoRef, Map<String, WireValue>> state, long oldestKept) {
        reportedAt.put(version, state);
        reportedAt.headMap(oldestKept).clear();
    }
}
