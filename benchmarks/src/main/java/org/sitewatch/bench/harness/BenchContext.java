package org.sitewatch.bench.harness;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every scenario of one harness run shares.
 *
 * @param bootstrapServers the one real broker of the run (loopback)
 * @param workDir a scratch folder of the run, deleted afterwards; each scenario makes its own sub-folder
 * @param smoke true for the seconds-long variant run by the test suite: small sizes, same code paths
 * @param events how many events the throughput scenarios produce and read
 * @param scenarioLimit the wall-clock bound of one scenario; a scenario past it stops and reports what it has
 * @param progress where progress lines go
 */
public record BenchContext(String bootstrapServers, Path workDir, boolean smoke, long events, Duration scenarioLimit,
                           ProgressLine progress) {

    /** A progress line of one scenario: {@code [scenario] 120,000 / 1,000,000 records (12 %), 3.1 s}. */
    public ProgressLine.Task progress(String scenario) {
        return progress.task(scenario);
    }
}
