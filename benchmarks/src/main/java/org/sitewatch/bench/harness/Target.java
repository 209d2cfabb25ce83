package org.sitewatch.bench.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure's target in words, checked: {@code >= 0.5x} is about the ratio to the Kafka baseline,
 * {@code < 30 s} or {@code < 250} about the value itself. Anything else cannot be checked.
 */
final class Target {

    private static final Pattern FORM = Pattern.compile("\\s*(>=|<=|>|<)\\s*([0-9][0-9,_]*(?:\\.[0-9]+)?)\\s*(x\\b)?.*");

    private Target() {
    }

    /** "yes", "no", or "-" when there is no target, it cannot be read, or the ratio it needs is missing. */
    static String met(String target, double value, Double ratio) {
        if (target == null) {
            return "-";
        }
        Matcher m = FORM.matcher(target);
        if (!m.matches()) {
            return "-";
        }
        double bound = Double.parseDouble(m.group(2).replace(",", "").replace("_", ""));
        boolean aboutRatio = m.group(3) != null;
        if (aboutRatio && ratio == null) {
            return "-";
        }
        double actual = aboutRatio ? ratio : value;
        boolean met = switch (m.group(1)) {
            case ">=" -> actual >= bound;
            case "<=" -> actual <= bound;
            case ">" -> actual > bound;
            default -> actual < bound;
        };
        return met ? "yes" : "no";
    }
}
