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

class HypervPollCostTest {

    @Test
    void smokeRunMeasuresEveryKindOfPollAndAnUnchangedClusterEmitsOnlyHeartbeats(@TempDir Path workDir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(3),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new HypervPollCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains(
                "cpu ms per poll, first (full inventory)", "cpu ms per poll, unchanged", "cpu ms per poll, 1 % changed",
                "events on unchanged poll");
        assertThat(value(figures, "VMs")).isEqualTo(HypervPollCost.SMOKE_VMS);
        // The VMs, every fifth one's replication, 16 cluster nodes and the cluster on the first poll.
        LargeHypervCluster cluster = new LargeHypervCluster(HypervPollCost.SMOKE_VMS);
        assertThat(value(figures, "events on first poll"))
                .isEqualTo(cluster.vms() + cluster.replicatedVms() + LargeHypervCluster.NODES + 1);
        assertThat(value(figures, "events on unchanged poll")).isZero();
        assertThat(value(figures, "events after 1 % of VMs changed")).isEqualTo(cluster.changedPerRound());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[hyperv-poll-cost]");
    }

    private static double value(List<Figure> figures, String measure) {
        return figures.stream().filter(f -> f.measure().equals(measure)).findFirst().orElseThrow().value();
    }
}
