package org.sitewatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sitewatch.testsupport.ExternalTools;

/** The project's Prometheus configuration, rules and rule unit tests, checked by the real promtool. */
class PrometheusRulesTest {

    private static final Path PROMETHEUS_DIR = Dashboards.PROMETHEUS_DIR;

    @Test
    void shouldPassPromtoolCheckConfig() throws Exception {
        promtool(PROMETHEUS_DIR, "check", "config", "prometheus.yml");
    }

    @Test
    void shouldPassPromtoolCheckRulesForEveryRuleFile() throws Exception {
        List<String> files = yamlFiles(PROMETHEUS_DIR.resolve("rules"));
        assertThat(files).isNotEmpty();
        for (String file : files) {
            promtool(PROMETHEUS_DIR, "check", "rules", "rules/" + file);
        }
    }

    @Test
    void shouldPassEveryPromtoolRuleUnitTest() throws Exception {
        List<String> files = yamlFiles(PROMETHEUS_DIR.resolve("tests"));
        assertThat(files).isNotEmpty();
        for (String file : files) {
            assertThat(promtool(PROMETHEUS_DIR.resolve("tests"), "test", "rules", file)).contains("SUCCESS");
        }
    }

    @Test
    void shouldGiveEveryAlertRuleASeverityAndARunbook() throws Exception {
        for (String file : yamlFiles(PROMETHEUS_DIR.resolve("rules"))) {
            String text = Files.readString(PROMETHEUS_DIR.resolve("rules").resolve(file));
            long alerts = text.lines().filter(l -> l.trim().startsWith("- alert:")).count();
            assertThat(text.lines().filter(l -> l.trim().startsWith("severity:")).count()).as(file).isEqualTo(alerts);
            assertThat(text.lines().filter(l -> l.trim().startsWith("runbook_url:")).count()).as(file).isEqualTo(alerts);
        }
    }

    /** Runs promtool in {@code workDir}, asserts it exited 0 and returns what it printed. */
    private static String promtool(Path workDir, String... args) throws Exception {
        List<String> command = Stream.concat(Stream.of(ExternalTools.require("promtool").toString()), Stream.of(args)).toList();
        ExternalTools.Result r = ExternalTools.run(workDir, command.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.output()).isZero();
        return r.output();
    }

    private static List<String> yamlFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
        }
    }
}
