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
import org.libvirt.Connect;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;

/** The smoke run on the real libvirt0 test driver (installed by {@code build/test --install-only}). */
class LibvirtEventCostTest {

    @Test
    void smokeRunListsEveryDomainHandsEveryLifecycleEventToTheSinkAndRemovesItsDomains(@TempDir Path workDir)
            throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchContext context = new BenchContext(null, workDir, true, 0, Duration.ofMinutes(2),
                new ProgressLine(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        List<Figure> figures = new LibvirtEventCost().run(context);

        assertThat(figures).extracting(Figure::measure).contains("wall ms, first full listing",
                "cpu ms, first full listing", "events per second handled", "cpu µs per event");
        assertThat(value(figures, "VMs")).isEqualTo(LibvirtEventCost.SMOKE_DOMAINS);
        assertThat(value(figures, "VM states in first listing")).isEqualTo(LibvirtEventCost.SMOKE_DOMAINS);
        // Each suspended domain is resumed: two lifecycle events each, every one a VM state in the sink.
        assertThat(value(figures, "changes in burst")).isEqualTo(2 * LibvirtEventCost.SMOKE_SUSPENDED);
        assertThat(value(figures, "events lost")).isZero();
        assertThat(value(figures, "events per second handled")).isPositive();
        assertThat(value(figures, "cpu µs per event")).isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[libvirt-event-cost]");
        // The driver lives as long as the process: nothing of the scenario's may stay in it.
        Connect driver = new Connect("test:///default", true);
        try {
            assertThat(driver.listDefinedDomains()).noneMatch(name -> name.startsWith("bench-evt-"));
            for (int id : driver.listDomains()) {
                assertThat(driver.domainLookupByID(id).getName()).doesNotStartWith("bench-evt-");
            }
        } finally {
            driver.close();
        }
    }

    private static double value(List<Figure> figures, String measure) {
        return figures.stream().filter(f -> f.measure().equals(measure)).findFirst().orElseThrow().value();
    }
}
