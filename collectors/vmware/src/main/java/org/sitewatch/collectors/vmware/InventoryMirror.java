package org.sitewatch.collectors.vmware;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.UpdateSet;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.ObjectUpdate;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.PropertyChange;

/**
 * The collector's copy of the watched properties of every VM, host and cluster, kept current from the
 * PropertyCollector's update sets: the first {@code WaitForUpdatesEx} brings every object as {@code enter}, later
 * ones only what changed. A poll then reads this copy instead of walking vCenter again.
 */
final class InventoryMirror {

    /** Insertion order, so snapshots list objects in the order vCenter first sent them. */
    private final Map<MoRef, Map<String, Object>> objects = new LinkedHashMap<>();
    /** Per object, the watched paths vCenter could not read (path to fault class), e.g. for lack of a privilege. */
    private final Map<MoRef, Map<String, String>> unreadable = new HashMap<>();

    void apply(UpdateSet updates) {
        for (ObjectUpdate update : updates.objects()) {
            switch (update.kind()) {
                case LEAVE -> {
                    objects.remove(update.obj());
                    unreadable.remove(update.obj());
                }
                case ENTER -> {
                    // An object entering again (moved back into view) starts from what this update says.
                    Map<String, Object> properties = new HashMap<>();
                    update.changes().forEach(change -> change(properties, change));
                    objects.put(update.obj(), properties);
                    unreadable.remove(update.obj());
                    noteUnreadable(update);
                }
                case MODIFY -> {
                    Map<String, Object> properties = objects.computeIfAbsent(update.obj(), k -> new HashMap<>());
                    update.changes().forEach(change -> change(properties, change));
                    // A path with a new value is readable again; the update's missing set names what is not.
                    Map<String, String> missing = unreadable.get(update.obj());
                    if (missing != null) {
                        update.changes().forEach(change -> missing.remove(change.name()));
                    }
                    noteUnreadable(update);
                }
            }
        }
    }

    private void noteUnreadable(ObjectUpdate update) {
        if (!update.missing().isEmpty()) {
            unreadable.computeIfAbsent(update.obj(), k -> new HashMap<>()).putAll(update.missing());
        }
        Map<String, String> missing = unreadable.get(update.obj());
        if (missing != null && missing.isEmpty()) {
            unreadable.remove(update.obj());
        }
    }

    /** The watched paths of {@code ref} vCenter could not read, with the fault of each; empty when all were read. */
    Map<String, String> unreadable(MoRef ref) {
        return unreadable.getOrDefault(ref, Map.of());
    }

    private static void change(Map<String, Object> properties, PropertyChange change) {
        switch (change.op()) {
            case ASSIGN, ADD -> {
                if (change.value() == null) {
                    properties.remove(change.name());
                } else {
                    properties.put(change.name(), change.value());
                }
            }
            case REMOVE, INDIRECT_REMOVE -> properties.remove(change.name());
        }
    }

    /** The watched properties of every object of a managed object type, e.g. {@code HostSystem}. */
    Map<MoRef, Map<String, Object>> ofType(String type) {
        Map<MoRef, Map<String, Object>> result = new LinkedHashMap<>();
        objects.forEach((ref, properties) -> {
            if (ref.type().equals(type)) {
                result.put(ref, properties);
            }
        });
        return result;
    }

    Map<String, Object> get(MoRef ref) {
        return ref == null ? null : objects.get(ref);
    }

    int size() {
        return objects.size();
    }

    void clear() {
        objects.clear();
        unreadable.clear();
    }
}
