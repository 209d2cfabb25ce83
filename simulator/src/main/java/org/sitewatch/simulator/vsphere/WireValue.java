package org.sitewatch.simulator.vsphere;

import java.util.ArrayList;
import java.util.List;

/**
 * A vim25 property value as the front writes it: a scalar or enum word, a managed object reference,
 * or a data object with ordered fields. Records, so two reads of an unchanged object compare equal
 * and {@code WaitForUpdatesEx} sends only what differs.
 */
sealed interface WireValue {

    /**
     * Text with its {@code xsi:type} when written as a property value (an enum name such as
     * {@code HostSystemPowerState}, or {@code xsd:boolean}); inside a data object the type is not
     * written, as the schema declares it there.
     */
    record Text(String xsiType, String text) implements WireValue {
    }

    /** {@code <x type="HostSystem">host-12</x>}. */
    record Ref(String type, String value) implements WireValue {
    }

    /**
     * A data object. Its {@code xsiType} is written on a property value and where {@code typed} says
     * the schema is polymorphic (an admission control policy); a nested plain object leaves it out.
     */
    record Obj(String xsiType, boolean typed, List<Field> fields) implements WireValue {
        public Obj {
            fields = List.copyOf(fields);
        }
    }

    record Field(String name, WireValue value) {
    }

    static Text string(String value) {
        return new Text("xsd:string", value);
    }

    static Text bool(boolean value) {
        return new Text("xsd:boolean", Boolean.toString(value));
    }

    static Text integer(long value) {
        return new Text("xsd:int", Long.toString(value));
    }

    static Text word(String enumType, String word) {
        return new Text(enumType, word);
    }

    /** A data object whose type is written wherever it appears. */
    static ObjBuilder typed(String xsiType) {
        return new ObjBuilder(xsiType, true);
    }

    /** A data object whose type is written only as a property value. */
    static ObjBuilder plain(String xsiType) {
        return new ObjBuilder(xsiType, false);
    }

    /** Collects the fields of a data object in wire order; a null value is left out (an unset field). */
    final class ObjBuilder {
        private final String xsiType;
        private final boolean typed;
        private final List<Field> fields = new ArrayList<>();

        private ObjBuilder(String xsiType, boolean typed) {
            this.xsiType = xsiType;
            this.typed = typed;
        }

        ObjBuilder field(String name, WireValue value) {
            if (value != null) {
                fields.add(new Field(name, value));
            }
            return this;
        }

        ObjBuilder field(String name, Object scalar) {
            return scalar == null ? this : field(name, new Text(null, scalar.toString()));
        }

        Obj build() {
            return new Obj(xsiType, typed, fields);
        }
    }
}
