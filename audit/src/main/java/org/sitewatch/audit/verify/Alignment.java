package org.sitewatch.audit.verify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares an export's units with the expected ones and names each difference precisely: a unit
 * that changed, one that is missing, one that was added or repeated, and one out of order (it comes
 * after a unit it should precede). Units are matched by their Kafka coordinates, so one removed line
 * is reported as one missing record, not as every later line having changed. Keeps the first
 * {@link #MAX_LISTED} problems and counts the rest.
 */
final class Alignment {

    static final int MAX_LISTED = 20;

    private final ExpectedIndex expected;
    private final String noun;
    private final BitSet seen = new BitSet();
    private final Map<Integer, Long> numberOfPosition = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private long total;
    private int furthest = -1;
    private long actualUnits;

    /** A difference; {@code position} is the expected position when known, for reading its text back. */
    record Problem(String message, Integer changedPosition, String actualText) {
    }

    Alignment(ExpectedIndex expected, String noun) {
        this.expected = expected;
        this.noun = noun;
    }

    void accept(Unit u) {
        actualUnits++;
        if (u.key() == null) {
            problem(noun + " " + u.number() + " is not a record of this export: " + snippet(u.text()), null, null);
            return;
        }
        int pos = expected.positionOf(u.key());
        if (pos < 0) {
            problem(noun + " " + u.number() + " holds " + describe(u.key())
                    + ", which is not among Kafka's records for this export's range and filters (added)", null, null);
            return;
        }
        if (seen.get(pos)) {
            problem(noun + " " + u.number() + " repeats " + describe(u.key()) + " (first at " + noun + " "
                    + numberOfPosition.get(pos) + ")", null, null);
            return;
        }
        seen.set(pos);
        numberOfPosition.put(pos, u.number());
        if (!expected.sameText(pos, u.text())) {
            problem(noun + " " + u.number() + " changed: " + describe(u.key()), pos, u.text());
        }
        if (pos < furthest) {
            problem(noun + " " + u.number() + " is out of order: " + describe(u.key()) + " belongs before " + noun + " "
                    + numberOfPosition.get(furthest) + " (" + describe(expected.key(furthest)) + ")", null, null);
        }
        furthest = Math.max(furthest, pos);
    }

    /** Reports what never came. Call after the last unit. */
    void finish() {
        for (int pos = seen.nextClearBit(0); pos < expected.size(); pos = seen.nextClearBit(pos + 1)) {
            problem(describe(expected.key(pos)) + " is missing: expected as " + noun + " " + (pos + 1)
                    + (pos + 1 <= actualUnits ? "" : " (the file ends at " + noun + " " + actualUnits + ")"), null, null);
        }
    }

    List<Problem> problems() {
        return problems;
    }

    long total() {
        return total;
    }

    private void problem(String message, Integer position, String actualText) {
        total++;
        if (problems.size() < MAX_LISTED) {
            problems.add(new Problem(message, position, actualText));
        }
    }

    private static String describe(String key) {
        return Unit.HEADER.equals(key) ? "the header" : "record " + key;
    }

    static String snippet(String text) {
        return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 77) + "...'";
    }
}
