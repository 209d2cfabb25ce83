package org.sitewatch.bench.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.bench.collector.OracleVmPollCostTest.value;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;

class CitrixPollCostTest {

    @Test
    void smokeRunMeasuresEveryKindOfPollAndAnUnchangedServiceEmitsOnlyHeartbeats(@TempDir Path workDir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(3),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new CitrixPollCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains(
                "cpu ms per poll, first (full inventory)", "cpu ms per poll, unchanged", "cpu ms per poll, 1 % changed",
                "MB allocated per poll, unchanged", "events on unchanged poll");
        assertThat(value(figures, "VMs")).isEqualTo(CitrixPollCost.SMOKE_MACHINES);
        LargeSimulatedEstate estate = CitrixPollCost.estate(CitrixPollCost.SMOKE_MACHINES);
        // One state per machine and one registered share per delivery group (hosting servers are no HA hosts here).
        assertThat(value(figures, "events on first poll")).isEqualTo(estate.vms() + CitrixPollCost.DELIVERY_GROUPS);
        assertThat(value(figures, "events on unchanged poll")).isZero();
        // The machine stopped or started, and its delivery group's share.
        assertThat(value(figures, "events after 1 % of VMs changed")).isEqualTo(2);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[citrix-poll-cost]");
    }

    @Test
    void theDeliveryGroupsSplitTheMachinesInConsecutiveBlocks() {
        String yaml = CitrixPollCost.estate(100).yaml();

        assertThat(yaml).contains("\"Desktops 1=app-0,app-1,").contains("app-9; Desktops 2=app-10,")
                .contains("; Desktops 10=app-90,").doesNotContain("Desktops 11");
    }
}
