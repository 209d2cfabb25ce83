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

class OvirtPollCostTest {

    @Test
    void smokeRunMeasuresEveryKindOfPollAndThePollsReadingAnEventBurst(@TempDir Path workDir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(3),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new OvirtPollCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains(
                "cpu ms per poll, first (full inventory)", "cpu ms per poll, unchanged", "cpu ms per poll, 1 % changed",
                "cpu ms per poll, unchanged (events-page collector)", "cpu ms per poll, after 100 engine events",
                "cpu us per engine event (vs unchanged)");
        assertThat(value(figures, "VMs")).isEqualTo(OvirtPollCost.SMOKE_VMS);
        LargeSimulatedEstate estate = OvirtPollCost.estate(OvirtPollCost.SMOKE_VMS);
        // The VMs, the 16 hosts and the engine's one cluster.
        assertThat(value(figures, "events on first poll")).isEqualTo(estate.vms() + OvirtPollCost.HOSTS + 1);
        assertThat(value(figures, "events on unchanged poll")).isZero();
        // USER_STOP_VM / USER_RUN_VM are read from the event list but are no HA actions: the VM states only.
        assertThat(value(figures, "events after 1 % of VMs changed")).isEqualTo(estate.changedPerRound());
        // Smoke mode has 25 HA VMs: each migrated away and back, four events each, every one an HA action, and no VM
        // state, as each VM is home again when the poll runs.
        assertThat(value(figures, "engine events per events-page poll")).isEqualTo(100);
        assertThat(value(figures, "events after 100 engine events")).isEqualTo(100);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[ovirt-poll-cost]", "events page: ");
    }
}
