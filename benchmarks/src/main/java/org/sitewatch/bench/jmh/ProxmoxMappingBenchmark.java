package org.sitewatch.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sitewatch.bench.collector.LargeProxmoxCluster;
import org.sitewatch.collectors.spi.Snapshot;

/**
 * The Proxmox vendor mapping of one poll of a large cluster (default 10,000 guests on 16 nodes, 2,000
 * pvesr jobs), from the simulator's real answers: parsing them as the collector does, mapping the
 * parsed readings to a snapshot, and both. HTTP is not included (see ProxmoxPollCost for the whole
 * poll). Milliseconds per poll.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProxmoxMappingBenchmark extends ShortRun {

    @Param("10000")
    public int vms;

    private ProxmoxAnswers answers;
    private Map<String, JsonNode> parsed;
    private ProxmoxMapping mapping;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        answers = ProxmoxAnswers.read(new LargeProxmoxCluster(vms));
        parsed = ProxmoxMapping.parseAll(answers);
        mapping = new ProxmoxMapping(LargeProxmoxCluster.SITE);
        Snapshot snapshot = mapping.map(parsed, LargeProxmoxCluster.START);
        System.out.printf("[size] %d answers, %,d bytes; snapshot of %,d states, %d skipped%n", answers.byPath().size(),
                answers.totalBytes(), snapshot.states().size(), snapshot.skipped().size());
    }

    @Benchmark
    public Map<String, JsonNode> parse() {
        return ProxmoxMapping.parseAll(answers);
    }

    @Benchmark
    public Snapshot map() {
        return mapping.map(parsed, LargeProxmoxCluster.START);
    }

    @Benchmark
    public Snapshot parseAndMap() {
        return mapping.map(ProxmoxMapping.parseAll(answers), LargeProxmoxCluster.START);
    }
}
