package org.sitewatch.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The project's Prometheus configuration, rules and rule unit tests, checked by the real promtool. */
class PrometheusRulesTest {

    static final Path PROMETHEUS_DIR = Path.of("..", "dashboard", "prometheus").toAbsolutePath().normalize();

    @Test
    void shouldPassPromtoolCheckConfig() throws Exception {
        Path promtool = ExternalTool.require("promtool", "prometheus");
        ExternalTool.Result r = ExternalTool.run(PROMETHEUS_DIR, promtool.toString(), "check", "config", "prometheus.yml");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void shouldPassPromtoolCheckRulesForEveryRuleFile() throws Exception {
        Path promtool = ExternalTool.require("promtool", "prometheus");
        List<String> files = yamlFiles(PROMETHEUS_DIR.resolve("rules"));
        assertThat(files).isNotEmpty();
        for (String file : files) {
            ExternalTool.Result r = ExternalTool.run(PROMETHEUS_DIR, promtool.toString(), "check", "rules", "rules/" + file);
            assertThat(r.exitCode()).as(file + ": " + r.output()).isZero();
        }
    }

    @Test
    void shouldPassEveryPromtoolRuleUnitTest() throws Exception {
        Path promtool = ExternalTool.require("promtool", "prometheus");
        List<String> files = yamlFiles(PROMETHEUS_DIR.resolve("tests"));
        assertThat(files).isNotEmpty();
        for (String file : files) {
            ExternalTool.Result r = ExternalTool.run(PROMETHEUS_DIR.resolve("tests"), promtool.toString(), "test", "rules", file);
            assertThat(r.exitCode()).as(file + ": " + r.output()).isZero();
            assertThat(r.output()).contains("SUCCESS");
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

    private static List<String> yamlFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
        }
    }
}
