package org.sitewatch.bench.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.testsupport.TestKafka;

/**
 * The smoke variants of the streams scenarios on one real broker, with the real application jar (built by the
 * reactor's package phase of {@code app} before this module's integration tests; missing, the scenarios fail
 * saying how to build it). Asserts that each scenario produced figures, not what they are. In the harness's order:
 * drain first, while the raw topics hold only what it produced.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamsScenariosIT {

    @TempDir
    static Path dir;

    private static TestKafka kafka;
    private static BenchContext context;

    @BeforeAll
    static void startBroker() {
        kafka = TestKafka.start(dir.resolve("kafka"));
        context = new BenchContext(kafka.bootstrapServers(), dir.resolve("work"), true, 2_000, Duration.ofMinutes(5),
                new ProgressLine(System.out));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void theAppJarIsThere() {
        assertThat(AppJar.locate()).isRegularFile();
    }

    @Test
    @Order(2)
    void drainReportsThroughputAndMemory() throws Exception {
        assertFigures(new StreamsDrainScenario(), "records/s", "seconds", "peak RSS MB", "heap used MB");
    }

    @Test
    @Order(3)
    void latencyReportsViewAndAlertDelays() throws Exception {
        assertFigures(new StreamsLatencyScenario(), "view p99 ms", "alert p99 ms");
    }

    @Test
    @Order(4)
    void scaleReportsMemoryQueryRestartAndRebuild() throws Exception {
        assertFigures(new StreamsScaleScenario(), "heap after GC MB", "/api/sites p99 ms", "restart s", "rebuild s");
    }

    @Test
    @Order(5)
    void startupReportsTheSecondsToTheFirstSiteView() throws Exception {
        assertFigures(new StartupScenario(), "seconds");
    }

    private static void assertFigures(Scenario scenario, String... measures) throws Exception {
        List<Figure> figures = scenario.run(context);
        figures.forEach(f -> System.out.printf("%s | %s | %.1f%n", f.scenario(), f.measure(), f.value()));
        assertThat(figures).extracting(Figure::measure).contains(measures);
        assertThat(figures).allSatisfy(f -> {
            assertThat(f.scenario()).isEqualTo(scenario.name());
            assertThat(Double.isFinite(f.value())).as(f.measure() + " is a number").isTrue();
            assertThat(f.value()).as(f.measure()).isGreaterThan(0);
        });
    }
}
