package org.sitewatch.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table of a run: scenario | measure | value | ratio to Kafka | target | met, a row per
 * figure and a FAILED row per failed scenario. The ratio is the figure over its baseline scenario's
 * figure of the same measure.
 */
public final class ResultTable {

    static final List<String> HEADER = List.of("scenario", "measure", "value", "ratio to Kafka", "target", "met");

    /** One row, every cell as printed. */
    public record Row(String scenario, String measure, String value, String ratio, String target, String met) {
        List<String> cells() {
            return List.of(scenario, measure, value, ratio, target, met);
        }
    }

    private final List<Row> rows;
    /** {@code scenario: error} of each failed scenario, printed below the table. */
    private final List<String> failures;

    private ResultTable(List<Row> rows, List<String> failures) {
        this.rows = List.copyOf(rows);
        this.failures = List.copyOf(failures);
    }

    public static ResultTable of(List<ScenarioOutcome> outcomes) {
        List<Figure> all = outcomes.stream().flatMap(o -> o.figures().stream()).toList();
        List<Row> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ScenarioOutcome outcome : outcomes) {
            if (outcome.failed()) {
                rows.add(new Row(outcome.scenario(), "FAILED", "-", "-", "-", "no"));
                failures.add(outcome.scenario() + ": " + outcome.errorLine());
                continue;
            }
            for (Figure f : outcome.figures()) {
                Double ratio = ratio(f, all);
                String ratioText = f.baseline() == null ? "-" : ratio == null ? "n/a (no " + f.baseline() + " figure)"
                        : String.format(Locale.ROOT, "%.2fx", ratio);
                rows.add(new Row(f.scenario(), f.measure(), formatValue(f.value()), ratioText,
                        f.target() == null ? "-" : f.target(), Target.met(f.target(), f.value(), ratio)));
            }
        }
        return new ResultTable(rows, failures);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> failures() {
        return failures;
    }

    /** The figure over the baseline scenario's figure of the same measure; null when not compared or missing. */
    static Double ratio(Figure figure, List<Figure> all) {
        if (figure.baseline() == null) {
            return null;
        }
        return all.stream()
                .filter(b -> b.scenario().equals(figure.baseline()) && b.measure().equals(figure.measure()) && b.value() != 0)
                .map(b -> figure.value() / b.value())
                .findFirst().orElse(null);
    }

    /** Large values with thousands separators and no decimals, small ones with two significant decimals. */
    static String formatValue(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1_000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Aligned plain text for the console. */
    public String toText() {
        int[] widths = new int[HEADER.size()];
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(r -> lines.add(r.cells()));
        for (List<String> cells : lines) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            appendAligned(text, lines.get(n), widths);
            if (n == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                appendAligned(text, rule, widths);
            }
        }
        failures.forEach(f -> text.append("FAILED ").append(f).append('\n'));
        return text.toString();
    }

    private static void appendAligned(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            // Numbers to the right, words to the left.
            boolean right = i == 2 || i == 3;
            String padded = right ? " ".repeat(widths[i] - cell.length()) + cell : cell + " ".repeat(widths[i] - cell.length());
            text.append(i == 0 ? "" : "  ").append(padded);
        }
        text.append("\n");
    }

    /** A GitHub Markdown table. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        md.append("|---|---|---:|---:|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(String.join(" | ", row.cells())).append(" |\n");
        }
        if (!failures.isEmpty()) {
            md.append('\n');
            failures.forEach(f -> md.append("- FAILED ").append(f).append('\n'));
        }
        return md.toString();
    }
}
