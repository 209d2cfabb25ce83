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

/** The smoke variant (500 VMs) measures every kind of poll, and a poll that finds nothing changed publishes nothing. */
class ProxmoxPollCostTest {

    @Test
    void smokeRunMeasuresEveryKindOfPollAndAnUnchangedInventoryEmitsOnlyHeartbeats(@TempDir Path workDir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(3),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new ProxmoxPollCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains(
                "cpu ms per poll, first (full inventory)", "cpu ms per poll, unchanged", "cpu ms per poll, 1 % changed",
                "wall ms per poll, unchanged", "events on unchanged poll");
        assertThat(figures).allSatisfy(f -> assertThat(f.scenario()).isEqualTo("proxmox-poll-cost"));
        LargeProxmoxCluster cluster = new LargeProxmoxCluster(ProxmoxPollCost.SMOKE_VMS);
        // Every VM, HA host, the HA cluster and every replication job on the first poll; nothing besides heartbeats after.
        assertThat(value(figures, "events on first poll"))
                .isEqualTo(cluster.vms() + LargeProxmoxCluster.NODES + 1 + cluster.replicationJobs());
        assertThat(value(figures, "events on unchanged poll")).isZero();
        assertThat(value(figures, "events after 1 % of VMs changed")).isEqualTo(cluster.changedPerRound());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[proxmox-poll-cost]");
    }

    private static double value(List<Figure> figures, String measure) {
        return figures.stream().filter(f -> f.measure().equals(measure)).findFirst().orElseThrow().value();
    }
}
