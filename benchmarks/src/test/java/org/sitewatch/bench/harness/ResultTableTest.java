package org.sitewatch.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final List<ScenarioOutcome> RUN = List.of(
            ScenarioOutcome.succeeded("kafka-consumer", List.of(Figure.of("kafka-consumer", "records/s", 200_000),
                    Figure.of("kafka-consumer", "MB/s", 80)), 3),
            ScenarioOutcome.succeeded("replay-export", List.of(
                    Figure.of("replay-export", "records/s", 120_000).comparedWith("kafka-consumer").withTarget(">= 0.5x"),
                    Figure.of("replay-export", "MB/s", 30).comparedWith("kafka-consumer").withTarget(">= 0.5x")), 9),
            ScenarioOutcome.succeeded("state-at", List.of(Figure.of("state-at", "s", 41.25).withTarget("< 30 s")), 41),
            ScenarioOutcome.failed("streams-drain", new IllegalStateException("broker gone"), 2));

    @Test
    void shouldDivideByTheBaselineFigureOfTheSameMeasure() {
        ResultTable table = ResultTable.of(RUN);

        assertThat(table.rows()).extracting(ResultTable.Row::scenario, ResultTable.Row::measure, ResultTable.Row::value,
                ResultTable.Row::ratio, ResultTable.Row::target, ResultTable.Row::met).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kafka-consumer", "records/s", "200,000", "-", "-", "-"),
                org.assertj.core.groups.Tuple.tuple("kafka-consumer", "MB/s", "80.0", "-", "-", "-"),
                org.assertj.core.groups.Tuple.tuple("replay-export", "records/s", "120,000", "0.60x", ">= 0.5x", "yes"),
                org.assertj.core.groups.Tuple.tuple("replay-export", "MB/s", "30.0", "0.38x", ">= 0.5x", "no"),
                org.assertj.core.groups.Tuple.tuple("state-at", "s", "41.3", "-", "< 30 s", "no"),
                org.assertj.core.groups.Tuple.tuple("streams-drain", "FAILED", "-", "-", "-", "no"));
        assertThat(table.failures()).containsExactly("streams-drain: IllegalStateException: broker gone");
    }

    @Test
    void shouldSayWhenTheBaselineFigureIsMissing() {
        ResultTable table = ResultTable.of(List.of(ScenarioOutcome.succeeded("sitewatch-produce",
                List.of(Figure.of("sitewatch-produce", "records/s", 5_000).comparedWith("kafka-producer").withTarget(">= 0.2x")), 1)));

        assertThat(table.rows().get(0).ratio()).isEqualTo("n/a (no kafka-producer figure)");
        assertThat(table.rows().get(0).met()).isEqualTo("-");
    }

    @Test
    void shouldCheckTargetsOnTheRatioOrOnTheValue() {
        assertThat(Target.met(">= 0.5x", 10, 0.5)).isEqualTo("yes");
        assertThat(Target.met(">= 0.5x", 10, 0.49)).isEqualTo("no");
        assertThat(Target.met("< 30 s", 29.9, null)).isEqualTo("yes");
        assertThat(Target.met("< 250", 250, null)).isEqualTo("no");
        assertThat(Target.met("<= 1,000 ms", 1_000, null)).isEqualTo("yes");
        assertThat(Target.met("fast enough", 1, null)).isEqualTo("-");
        assertThat(Target.met(null, 1, null)).isEqualTo("-");
    }

    @Test
    void shouldFormatLargeValuesWithSeparatorsAndSmallOnesWithDecimals() {
        assertThat(ResultTable.formatValue(1_234_567.8)).isEqualTo("1,234,568");
        assertThat(ResultTable.formatValue(42.25)).isEqualTo("42.3");
        assertThat(ResultTable.formatValue(0.125)).isEqualTo("0.13");
    }

    @Test
    void shouldRenderAlignedTextAndAMarkdownTable() {
        ResultTable table = ResultTable.of(RUN);

        String[] text = table.toText().split("\n");
        assertThat(text[0]).startsWith("scenario").contains("ratio to Kafka");
        assertThat(text[1]).matches("[- ]+");
        // Every cell is padded to its column's width, so aligned lines are equally long.
        assertThat(text).hasSize(2 + 6 + 1).filteredOn(line -> !line.startsWith("FAILED"))
                .allSatisfy(line -> assertThat(line).hasSameSizeAs(text[0]));
        assertThat(text[4]).isEqualTo("replay-export   records/s  120,000           0.60x  >= 0.5x  yes");
        assertThat(text[text.length - 1]).isEqualTo("FAILED streams-drain: IllegalStateException: broker gone");

        String md = table.toMarkdown();
        assertThat(md).startsWith("| scenario | measure | value | ratio to Kafka | target | met |\n|---|---|---:|---:|---|---|\n")
                .contains("| replay-export | records/s | 120,000 | 0.60x | >= 0.5x | yes |\n")
                .contains("- FAILED streams-drain: IllegalStateException: broker gone");
    }
}
