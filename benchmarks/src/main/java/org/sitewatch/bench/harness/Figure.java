package org.sitewatch.bench.harness;

/**
 * One measured figure of a scenario.
 *
 * @param scenario the scenario that measured it
 * @param measure what was measured, e.g. {@code records/s}, {@code p99 ms}, {@code heap MB}
 * @param value the figure
 * @param baseline for a rate compared with Kafka's own tools: the {@code scenario} of the Kafka figure it is
 *     divided by ({@code kafka-consumer} or {@code kafka-producer}), same measure; null when not compared
 * @param target the target it must meet, in words (e.g. {@code >= 0.2x}, {@code < 250}); null when none
 */
public record Figure(String scenario, String measure, double value, String baseline, String target) {

    public static Figure of(String scenario, String measure, double value) {
        return new Figure(scenario, measure, value, null, null);
    }

    public Figure comparedWith(String baselineScenario) {
        return new Figure(scenario, measure, value, baselineScenario, target);
    }

    public Figure withTarget(String targetInWords) {
        return new Figure(scenario, measure, value, baseline, targetInWords);
    }
}
