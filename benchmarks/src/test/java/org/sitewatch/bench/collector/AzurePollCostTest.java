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

class AzurePollCostTest {

    @Test
    void smokeRunMeasuresEveryKindOfPollAndAnUnchangedVaultEmitsOnlyHeartbeats(@TempDir Path workDir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(3),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new AzurePollCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains(
                "cpu ms per poll, first (full inventory)", "cpu ms per poll, unchanged", "cpu ms per poll, 1 % changed",
                "wall ms per poll, unchanged", "MB allocated per poll, unchanged", "events on unchanged poll");
        assertThat(value(figures, "VMs")).isEqualTo(AzurePollCost.SMOKE_ITEMS);
        LargeAzureVault vault = new LargeAzureVault(AzurePollCost.SMOKE_ITEMS);
        // One replication status per protected item on the first poll (its VMs are on premises: no Azure VM states).
        assertThat(value(figures, "events on first poll")).isEqualTo(vault.items());
        // Heartbeat only: the sink counts state events, and none came.
        assertThat(value(figures, "events on unchanged poll")).isZero();
        // One record per item test-failed over in the round.
        assertThat(value(figures, "events after 1 % of VMs changed")).isEqualTo(vault.changedPerRound());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[azure-poll-cost]");
    }

    private static double value(List<Figure> figures, String measure) {
        return figures.stream().filter(f -> f.measure().equals(measure)).findFirst().orElseThrow().value();
    }
}
