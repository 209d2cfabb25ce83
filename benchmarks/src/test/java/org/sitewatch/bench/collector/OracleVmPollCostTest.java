package org.sitewatch.bench.collector;

import static org.assertj.core.api.Assertions.assertThat;

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

class OracleVmPollCostTest {

    @Test
    void smokeRunMeasuresEveryKindOfPollAndAnUnchangedManagerEmitsOnlyHeartbeats(@TempDir Path workDir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(3),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new OracleVmPollCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains(
                "cpu ms per poll, first (full inventory)", "cpu ms per poll, unchanged", "cpu ms per poll, 1 % changed",
                "wall ms per poll, unchanged", "events on unchanged poll");
        assertThat(value(figures, "VMs")).isEqualTo(OracleVmPollCost.SMOKE_VMS);
        LargeSimulatedEstate estate = OracleVmPollCost.estate(OracleVmPollCost.SMOKE_VMS);
        // The VMs, one HA host per Oracle VM Server and the server pool as the HA cluster.
        assertThat(value(figures, "events on first poll")).isEqualTo(estate.vms() + OracleVmPollCost.SERVERS + 1);
        assertThat(value(figures, "events on unchanged poll")).isZero();
        assertThat(value(figures, "events after 1 % of VMs changed")).isEqualTo(estate.changedPerRound());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[oraclevm-poll-cost]");
    }

    static double value(List<Figure> figures, String measure) {
        return figures.stream().filter(f -> f.measure().equals(measure)).findFirst().orElseThrow().value();
    }
}
