package org.sitewatch.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH wiring, not the speed: a benchmark runs through JMH and reports a figure, and JMH lists every one. */
class JmhSmokeTest {

    private static final String PACKAGE = JmhSmokeTest.class.getPackageName();

    @Test
    void oneBenchmarkRunsThroughJmhAndReportsAFigure() throws RunnerException {
        // JMH refuses to start while another JMH run holds /tmp/jmh.lock (e.g. bench/jmh.sh); this in-process run may share.
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include(FoldBenchmark.class.getName() + ".evaluateHealth$")
                .forks(0)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).hasSize(1);
        assertThat(results.iterator().next().getPrimaryResult().getScore()).isPositive();
    }

    @Test
    void everyBenchmarkMethodIsInTheGeneratedBenchmarkList() throws Exception {
        List<String> listed = generatedBenchmarkList();
        List<String> benchmarks = benchmarkMethods();

        assertThat(benchmarks).as("benchmark methods found in %s", PACKAGE).hasSizeGreaterThanOrEqualTo(20);
        assertThat(listed).containsAll(benchmarks);
    }

    /** What JMH's annotation processor generated, read the way the JMH runner reads it: {@code <class>.<method>}. */
    private static List<String> generatedBenchmarkList() throws IOException {
        try (InputStream in = JmhSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertThat(in).as("META-INF/BenchmarkList on the classpath").isNotNull();
            return BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername).toList();
        }
    }

    /** Every {@code @Benchmark} method of the package's classes, as {@code <class>.<method>}. */
    private static List<String> benchmarkMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(FoldBenchmark.class.getResource("FoldBenchmark.class").toURI()).getParent();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(PACKAGE + "." + simpleName);
                if (Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Benchmark.class)) {
                        found.add(type.getName() + "." + method.getName());
                    }
                }
            }
        }
        return found;
    }
}
