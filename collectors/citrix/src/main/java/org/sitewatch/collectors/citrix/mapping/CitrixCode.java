package org.sitewatch.collectors.citrix.mapping;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Monitor Service enum value as it arrives: OData v4 carries Citrix enums as integers, so a
 * value is its integer and, when the code is one the Monitor Service documents, its name.
 *
 * @param code the integer the Monitor Service sent
 * @param name the documented name, or {@code UNKNOWN} for a code this version does not know
 */
public record CitrixCode(int code, String name) {

    public static final String UNKNOWN = "UNKNOWN";

    /** Whether the code is one the Monitor Service documents. */
    public boolean known() {
        return !UNKNOWN.equals(name);
    }

    /** The name with its code, e.g. {@code ContactLost (207)} or {@code UNKNOWN (999)}, for reasons shown to people. */
    public String describe() {
        return name + " (" + code + ")";
    }

    /** The codes of one Citrix enum, from code to name; an unlisted code maps to {@link #UNKNOWN}, keeping the integer. */
    public static final class Table {
        private final String enumName;
        private final Map<Integer, String> names;

        Table(String enumName, Object... codesAndNames) {
            this.enumName = enumName;
            Map<Integer, String> byCode = new TreeMap<>();
            for (int i = 0; i < codesAndNames.length; i += 2) {
                byCode.put((Integer) codesAndNames[i], (String) codesAndNames[i + 1]);
            }
            this.names = Map.copyOf(byCode);
        }

        public CitrixCode of(int code) {
            return new CitrixCode(code, names.getOrDefault(code, UNKNOWN));
        }

        /** Every documented code, for tests that walk the whole enum. */
        public Map<Integer, String> documented() {
            return new TreeMap<>(names);
        }

        public String enumName() {
            return enumName;
        }
    }
}
