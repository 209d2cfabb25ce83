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

/** The smoke run against fabric8's Kubernetes mock server on 127.0.0.1. */
class KubevirtEventCostTest {

    @Test
    void smokeRunSnapshotsEveryVmAndHandsEveryVmiPhaseChangeToTheSink(@TempDir Path workDir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(2),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new KubevirtEventCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains("wall ms, first full listing",
                "cpu ms, first full listing", "events per second handled", "cpu µs per event");
        assertThat(value(figures, "VMs")).isEqualTo(KubevirtEventCost.SMOKE_VMS);
        assertThat(value(figures, "VM states in first listing")).isEqualTo(KubevirtEventCost.SMOKE_VMS);
        assertThat(value(figures, "changes in burst")).isEqualTo(KubevirtEventCost.SMOKE_CHANGES);
        assertThat(value(figures, "events lost")).isZero();
        assertThat(value(figures, "events per second handled")).isPositive();
        assertThat(value(figures, "cpu µs per event")).isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[kubevirt-event-cost]");
    }

    private static double value(List<Figure> figures, String measure) {
        return figures.stream().filter(f -> f.measure().equals(measure)).findFirst().orElseThrow().value();
    }
}
