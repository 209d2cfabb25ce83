package org.sitewatch.collectors.vmware.vim25;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed since a version, from {@code WaitForUpdatesEx}: the new {@code version} to pass
 * next time, whether vCenter {@code truncated} the set (call again at once with the new version to
 * get the rest) and the object updates of every filter, in wire order.
 */
public record UpdateSet(String version, boolean truncated, List<ObjectUpdate> objects) {

    public UpdateSet {
        objects = List.copyOf(objects);
    }

    /** How an object changed: it came into a filter's view, changed, or left it (deleted or moved out). */
    public enum Kind {
        ENTER, MODIFY, LEAVE;

        static Kind fromWire(String word) {
            return switch (word) {
                case "enter" -> ENTER;
                case "modify" -> MODIFY;
                case "leave" -> LEAVE;
                default -> throw new IllegalArgumentException("unknown ObjectUpdateKind " + word);
            };
        }
    }

    /**
     * How a property changed: {@code assign} a new value; {@code remove} it became unset;
     * {@code indirectRemove} it became unset because an enclosing object did; {@code add} an element
     * added to an array property.
     */
    public enum Op {
        ADD, REMOVE, ASSIGN, INDIRECT_REMOVE;

        static Op fromWire(String word) {
            return switch (word) {
                case "add" -> ADD;
                case "remove" -> REMOVE;
                case "assign" -> ASSIGN;
                case "indirectRemove" -> INDIRECT_REMOVE;
                default -> throw new IllegalArgumentException("unknown PropertyChangeOp " + word);
            };
        }
    }

    /** One property's change; {@code value} is null unless the op is ASSIGN or ADD. */
    public record PropertyChange(String name, Op op, Object value) {
    }

    /** One object's change, with the filter that saw it and the paths it could not read. */
    public record ObjectUpdate(MoRef filter, Kind kind, MoRef obj, List<PropertyChange> changes,
                               Map<String, String> missing) {
        public ObjectUpdate {
            changes = List.copyOf(changes);
            missing = Map.copyOf(missing);
        }
    }

    static UpdateSet from(DataObject set) {
        List<ObjectUpdate> updates = new ArrayList<>();
        for (DataObject filterUpdate : set.objects("filterSet")) {
            MoRef filter = filterUpdate.moRef("filter");
            for (DataObject update : filterUpdate.objects("objectSet")) {
                List<PropertyChange> changes = update.objects("changeSet").stream()
                        .map(c -> new PropertyChange(c.string("name"), Op.fromWire(c.string("op")), c.get("val")))
                        .toList();
                MoRef obj = update.moRef("obj");
                if (obj == null) {
                    // Refused as a whole (MALFORMED): a mirror keyed by a null reference would fail every later poll.
                    throw new IllegalArgumentException("an object update names no object (obj)");
                }
                updates.add(new ObjectUpdate(filter, Kind.fromWire(update.string("kind")), obj, changes,
                        ObjectContent.missing(update)));
            }
        }
        return new UpdateSet(set.string("version"), Boolean.TRUE.equals(set.bool("truncated")), updates);
    }
}
