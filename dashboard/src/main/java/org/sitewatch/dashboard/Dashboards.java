package org.sitewatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provisioned Grafana dashboards of {@code dashboard/grafana/dashboards/}, read as JSON, with
 * their panels (those inside rows included) and query targets, for this module's lint test and the
 * app's test that runs every query against a real Prometheus ({@code DashboardQueriesIT}); also where
 * the Prometheus and Alertmanager configuration folders are.
 *
 * <p>A target may carry one of two markers (Grafana ignores unknown keys in a query):
 * {@value #MAY_BE_EMPTY}: the query may legitimately return nothing (e.g. items outside their RPO when
 * all is well), and {@value #PENDING}: the metric is not produced by the embedded default yet. Either
 * one's value says why; such a query must still parse.
 */
public final class Dashboards {

    /** The {@code dashboard/} folder of the project: this module's own folder, or its sibling seen from another module. */
    public static final Path HOME = locateHome();
    public static final Path DIR = HOME.resolve("grafana").resolve("dashboards");
    public static final Path PROMETHEUS_DIR = HOME.resolve("prometheus");
    public static final Path ALERTMANAGER_DIR = HOME.resolve("alertmanager");
    public static final String MAY_BE_EMPTY = "sitewatchMayBeEmpty";
    public static final String PENDING = "sitewatchPending";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Dashboards() {
    }

    /** One dashboard file. */
    public record Dashboard(Path file, JsonNode json) {

        public String uid() {
            return json.path("uid").asText();
        }

        public String title() {
            return json.path("title").asText();
        }

        /** Every panel, rows and the panels of collapsed rows included, in file order. */
        public List<JsonNode> panels() {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode p : json.path("panels")) {
                out.add(p);
                p.path("panels").forEach(out::add);
            }
            return out;
        }

        public List<Target> targets() {
            List<Target> out = new ArrayList<>();
            for (JsonNode p : panels()) {
                for (JsonNode t : p.path("targets")) {
                    out.add(new Target(this, p, t));
                }
            }
            return out;
        }

        public List<JsonNode> variables() {
            List<JsonNode> out = new ArrayList<>();
            json.path("templating").path("list").forEach(out::add);
            return out;
        }
    }

    /** One query of one panel. */
    public record Target(Dashboard dashboard, JsonNode panel, JsonNode json) {

        public String expr() {
            return json.path("expr").asText();
        }

        public boolean mayBeEmpty() {
            return json.hasNonNull(MAY_BE_EMPTY);
        }

        public boolean pending() {
            return json.hasNonNull(PENDING);
        }

        public boolean instant() {
            return json.path("instant").asBoolean(false);
        }

        @Override
        public String toString() {
            return dashboard.uid() + " / " + panel.path("title").asText() + " [" + json.path("refId").asText() + "]";
        }
    }

    /** Tests run in their module's folder: {@code dashboard/} itself, or a sibling such as {@code app/}. */
    private static Path locateHome() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(here, here.resolveSibling("dashboard"))) {
            if (Files.isDirectory(candidate.resolve("grafana").resolve("dashboards"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("no dashboard folder (with grafana/dashboards) at " + here + " or beside it");
    }

    public static List<Dashboard> load() throws IOException {
        List<Dashboard> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Dashboard(f, MAPPER.readTree(f.toFile())));
            }
        }
        return out;
    }
}
