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

    void apply(UpdateSet updates) {
        for (ObjectUpdate update : updates.objects()) {
            switch (update.kind()) {
                case LEAVE -> objects.remove(update.obj());
                case ENTER -> {
                    // An object entering again (moved back into view) starts from what this update says.
                    Map<String, Object> properties = new HashMap<>();
                    update.changes().forEach(change -> change(properties, change));
                    objects.put(update.obj(), properties);
                }
                case MODIFY -> {
                    Map<String, Object> properties = objects.computeIfAbsent(update.obj(), k -> new HashMap<>());
                    update.changes().forEach(change -> change(properties, change));
                }
            }
        }
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
    }
}
