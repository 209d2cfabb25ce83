package org.sitewatch.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.app.EmbeddedStack;
import org.sitewatch.dashboard.Dashboards;
import org.sitewatch.dashboard.Dashboards.Dashboard;
import org.sitewatch.dashboard.Dashboards.Target;
import org.sitewatch.security.TokenHash;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.testsupport.PrometheusProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every query of every dashboard panel, run against real data: the embedded default (broker,
 * simulator playing the built-in six-site scenario, collectors, streams app) on ephemeral ports,
 * scraped by a real Prometheus (Debian's package) with the project's configuration and rules. A query
 * fails the test when Prometheus cannot parse it, or when it returns nothing although its target is
 * not marked {@code sitewatchMayBeEmpty} or {@code sitewatchPending} (those must still parse). The
 * variables' {@code label_values} queries must find values too.
 *
 * <p>Bounded: queries are retried for at most 90 s after Prometheus saw the first site, so rates and
 * recording rules get their few scrapes; the run takes about a minute.
 */
class DashboardQueriesIT {

    private static final Logger log = LoggerFactory.getLogger(DashboardQueriesIT.class);
    private static final String SITE = "paris-dc1";
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)");

    @TempDir
    static Path dir;

    private static EmbeddedStack stack;
    private static PrometheusProcess prometheus;

    @BeforeAll
    static void start() throws Exception {
        // The shipped configuration as a user deploys it: a scrape token in secrets/scrape-token (compose mounts
        // one there), which the app accepts as a token with the metrics role, read from the same file.
        Path config = copyOf(Dashboards.PROMETHEUS_DIR, dir.resolve("prometheus-config"));
        Path scrapeToken = config.resolve("secrets").resolve("scrape-token");
        Files.writeString(scrapeToken, TokenHash.newToken() + "\n");
        stack = new EmbeddedStack(new EmbeddedStack.Settings(dir.resolve("data"), null, 0, 0, 0,
                Scenario.loadResource("/scenarios/default.yaml"), Duration.ofSeconds(1),
                Map.of("sitewatch.streams.commit-interval", "200ms",
                        "sitewatch.streams.punctuate-interval", "1s",
                        "sitewatch.views.metrics-refresh-interval", "1s",
                        "sitewatch.security.tokens[0].name", "prometheus",
                        "sitewatch.security.tokens[0].file", scrapeToken.toString(),
                        "sitewatch.security.tokens[0].roles", "metrics"))).start();
        prometheus = PrometheusProcess.start(config, dir.resolve("prometheus"), List.of("127.0.0.1:" + stack.httpPort()));
    }

    private static Path copyOf(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldAnswerEveryPanelQueryWithData() throws Exception {
        awaitNonEmpty("sitewatch_site_health", Duration.ofSeconds(90));
        Map<String, String> vars = variables();
        List<Target> targets = new ArrayList<>();
        for (Dashboard d : Dashboards.load()) {
            targets.addAll(d.targets());
        }
        assertThat(targets).hasSizeGreaterThan(40);

        // parse errors do not go away by waiting
        for (Target t : targets) {
            String expr = substitute(t.expr(), vars);
            JsonNode answer = prometheus.query(expr);
            assertThat(answer.path("status").asText())
                    .as("%s does not parse: %s%n  %s", t, answer.path("error").asText(), expr).isEqualTo("success");
        }
        // rates and recording rules need a few scrapes and evaluations
        await("every unmarked query has data").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(emptyResults(targets, vars))
                        .as("queries without data (mark a target sitewatchMayBeEmpty only when that is legitimate)")
                        .isEmpty());
        report(targets, vars);
    }

    @Test
    void shouldFindValuesForEveryVariableQuery() throws Exception {
        awaitNonEmpty("sitewatch_pair_replication_items", Duration.ofSeconds(90));
        Map<String, String> vars = variables();
        for (Dashboard d : Dashboards.load()) {
            for (JsonNode v : d.variables()) {
                if (!v.path("type").asText().equals("query")) {
                    continue;
                }
                Matcher m = LABEL_VALUES.matcher(v.path("definition").asText());
                assertThat(m.matches()).as(d.uid() + " $" + v.path("name").asText() + ": a label_values(selector, label) query").isTrue();
                String selector = substitute(m.group(1), vars);
                JsonNode values = prometheus.labelValues(m.group(2), selector);
                assertThat(values.path("status").asText()).as(d.uid() + " $" + v.path("name") + ": " + values).isEqualTo("success");
                assertThat(values.path("data").size()).as(d.uid() + " $" + v.path("name") + " finds values for " + selector).isPositive();
            }
        }
    }

    /** $site is a simulated site; $peer_site the target of one of its pairs, as Grafana would offer. */
    private Map<String, String> variables() throws Exception {
        JsonNode peers = prometheus.labelValues("target", "sitewatch_pair_replication_items{source=\"" + SITE + "\"}");
        String peer = peers.path("data").size() > 0 ? peers.path("data").get(0).asText() : ".+";
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("site", SITE);
        vars.put("peer_site", peer);
        vars.put("__rate_interval", "1m");
        vars.put("__interval", "15s");
        vars.put("__range_s", "300");
        vars.put("__range", "5m");
        return vars;
    }

    static String substitute(String expr, Map<String, String> vars) {
        String out = expr;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue()).replace("$" + v.getKey(), v.getValue());
        }
        return out;
    }

    private Map<String, String> emptyResults(List<Target> targets, Map<String, String> vars) throws Exception {
        Map<String, String> empty = new LinkedHashMap<>();
        for (Target t : targets) {
            String expr = substitute(t.expr(), vars);
            if (!t.mayBeEmpty() && !t.pending() && prometheus.query(expr).path("data").path("result").isEmpty()) {
                empty.put(t.toString(), expr);
            }
        }
        return empty;
    }

    private static void awaitNonEmpty(String promql, Duration timeout) {
        await("Prometheus has " + promql).atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .until(() -> !prometheus.query(promql).path("data").path("result").isEmpty());
    }

    /** Says which marked queries had no data, and which pending ones now have it (their marker can go). */
    private void report(List<Target> targets, Map<String, String> vars) throws Exception {
        for (Target t : targets) {
            if (!t.mayBeEmpty() && !t.pending()) {
                continue;
            }
            boolean empty = prometheus.query(substitute(t.expr(), vars)).path("data").path("result").isEmpty();
            if (t.pending()) {
                log.warn("{}: pending metric {}: {}", t, empty ? "still absent" : "PRESENT, remove the marker",
                        t.json().path(Dashboards.PENDING).asText());
            } else {
                log.info("{}: may be empty ({}), {}", t, t.json().path(Dashboards.MAY_BE_EMPTY).asText(), empty ? "empty" : "has data");
            }
        }
    }
}
