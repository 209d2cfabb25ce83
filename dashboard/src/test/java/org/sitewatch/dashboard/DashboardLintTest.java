package org.sitewatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitewatch.dashboard.Dashboards.Dashboard;
import org.sitewatch.dashboard.Dashboards.Target;

/**
 * The provisioned dashboards are build output that Grafana loads as they are, so their shape is
 * checked here: fixed unique uids, the datasource variable everywhere, no export placeholders, only
 * current core panel types, titles, the shared variables and links, and the overview linking every
 * other dashboard. The app's {@code DashboardQueriesIT} runs every query against a real Prometheus.
 */
class DashboardLintTest {

    /** Core panel types of current Grafana (10.x to 12.x); anything else is deprecated or a plugin. */
    private static final Set<String> CURRENT_PANEL_TYPES = Set.of("row", "timeseries", "stat", "gauge", "bargauge",
            "table", "state-timeline", "status-history", "piechart", "barchart", "heatmap", "histogram", "text",
            "logs", "nodeGraph", "geomap", "xychart", "trend", "canvas", "alertlist", "dashlist", "annolist");
    private static final Set<String> DEPRECATED_PANEL_TYPES = Set.of("graph", "singlestat", "table-old",
            "grafana-singlestat-panel", "grafana-piechart-panel", "grafana-worldmap-panel", "graph-old");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__interval", "__interval_ms",
            "__range", "__range_s", "__range_ms");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    private static final Pattern RECORDED_NAME = Pattern.compile("[a-z_]+:[a-z0-9_]+:[a-z0-9_]+");
    private static final String DATASOURCE = "${datasource}";
    private static final String OVERVIEW = "sitewatch-overview";

    private static List<Dashboard> dashboards;

    @BeforeAll
    static void load() throws Exception {
        dashboards = Dashboards.load();
    }

    @Test
    void shouldProvideTheFourDashboardsWithFixedUniqueUids() {
        List<String> uids = dashboards.stream().map(Dashboard::uid).toList();
        assertThat(uids).containsExactlyInAnyOrder(OVERVIEW, "sitewatch-site", "sitewatch-replication", "sitewatch-pipeline");
        assertThat(uids).doesNotHaveDuplicates().allMatch(u -> u.matches("[a-z0-9-]{1,40}"));
        assertThat(dashboards.stream().map(Dashboard::title).toList()).doesNotHaveDuplicates();
        for (Dashboard d : dashboards) {
            assertThat(d.json().path("id").isNull() || d.json().path("id").isMissingNode()).as(d.uid() + ": no fixed id").isTrue();
            assertThat(d.json().path("schemaVersion").asInt()).as(d.uid()).isGreaterThanOrEqualTo(36);
        }
    }

    @Test
    void shouldCarryNoExportPlaceholders() throws Exception {
        for (Dashboard d : dashboards) {
            assertThat(d.json().has("__inputs")).as(d.uid()).isFalse();
            assertThat(d.json().has("__requires")).as(d.uid()).isFalse();
            assertThat(d.json().has("__elements")).as(d.uid()).isFalse();
            assertThat(Files.readString(d.file())).as(d.uid()).doesNotContain("${DS_");
        }
    }

    @Test
    void shouldDeclareTheDatasourceSiteAndPeerSiteVariables() {
        for (Dashboard d : dashboards) {
            JsonNode ds = variable(d, "datasource");
            assertThat(ds).as(d.uid() + ": datasource variable").isNotNull();
            assertThat(ds.path("type").asText()).isEqualTo("datasource");
            assertThat(ds.path("query").asText()).isEqualTo("prometheus");
            for (String name : List.of("site", "peer_site")) {
                JsonNode v = variable(d, name);
                assertThat(v).as(d.uid() + ": variable " + name).isNotNull();
                assertThat(v.path("type").asText()).isEqualTo("query");
                assertThat(v.path("datasource").path("uid").asText()).as(d.uid() + " " + name).isEqualTo(DATASOURCE);
            }
        }
    }

    @Test
    void shouldQueryOnlyThroughTheDatasourceVariable() {
        for (Dashboard d : dashboards) {
            for (JsonNode p : d.panels()) {
                if (p.path("type").asText().equals("row") || p.path("type").asText().equals("text")) {
                    continue;
                }
                String title = d.uid() + " / " + p.path("title").asText();
                assertThat(p.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
                assertThat(p.path("targets").size()).as(title + ": has queries").isPositive();
            }
            for (Target t : d.targets()) {
                assertThat(t.json().path("datasource").path("uid").asText()).as(t.toString()).isEqualTo(DATASOURCE);
            }
            // no other data source anywhere (the built-in annotation query is Grafana's own)
            List<String> uids = new ArrayList<>();
            collectDatasourceUids(d.json(), uids);
            assertThat(uids).as(d.uid()).allMatch(u -> u.equals(DATASOURCE) || u.equals("-- Grafana --"));
        }
    }

    @Test
    void shouldUseOnlyCurrentPanelTypes() {
        for (Dashboard d : dashboards) {
            for (JsonNode p : d.panels()) {
                String type = p.path("type").asText();
                assertThat(DEPRECATED_PANEL_TYPES).as(d.uid() + " / " + p.path("title").asText() + " is deprecated").doesNotContain(type);
                assertThat(CURRENT_PANEL_TYPES).as(d.uid() + " / " + p.path("title").asText()).contains(type);
            }
        }
    }

    @Test
    void shouldTitleAndDescribeEveryPanel() {
        for (Dashboard d : dashboards) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode p : d.panels()) {
                assertThat(p.path("title").asText()).as(d.uid() + ": panel " + p.path("id") + " has a title").isNotBlank();
                assertThat(ids.add(p.path("id").asInt())).as(d.uid() + ": panel id " + p.path("id") + " unique").isTrue();
                if (!p.path("type").asText().equals("row")) {
                    assertThat(p.path("description").asText()).as(d.uid() + " / " + p.path("title").asText() + " has a description").isNotBlank();
                }
            }
        }
    }

    @Test
    void shouldLayOutPanelsWithinTheGridWithoutOverlap() {
        for (Dashboard d : dashboards) {
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode p : d.json().path("panels")) {
                JsonNode g = p.path("gridPos");
                int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
                String title = d.uid() + " / " + p.path("title").asText();
                assertThat(box[2]).as(title).isPositive();
                assertThat(box[0] + box[2]).as(title + " fits 24 columns").isLessThanOrEqualTo(24);
                for (int[] other : boxes) {
                    boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                            && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                    assertThat(overlap).as(title + " overlaps another panel").isFalse();
                }
                boxes.add(box);
            }
        }
    }

    @Test
    void shouldGiveEveryTargetAQueryAndAtMostOneReasonedMarker() {
        for (Dashboard d : dashboards) {
            for (JsonNode p : d.panels()) {
                Set<String> refIds = new HashSet<>();
                p.path("targets").forEach(t -> assertThat(refIds.add(t.path("refId").asText()))
                        .as(d.uid() + " / " + p.path("title").asText() + ": unique refId").isTrue());
            }
            for (Target t : d.targets()) {
                assertThat(t.expr()).as(t.toString()).isNotBlank();
                assertThat(t.mayBeEmpty() && t.pending()).as(t + ": one marker at most").isFalse();
                for (String marker : List.of(Dashboards.MAY_BE_EMPTY, Dashboards.PENDING)) {
                    if (t.json().has(marker)) {
                        assertThat(t.json().path(marker).isTextual() && !t.json().path(marker).asText().isBlank())
                                .as(t + ": " + marker + " must say why").isTrue();
                    }
                }
            }
        }
    }

    @Test
    void shouldUseOnlyDefinedVariables() {
        for (Dashboard d : dashboards) {
            Set<String> defined = new HashSet<>(GRAFANA_VARIABLES);
            d.variables().forEach(v -> defined.add(v.path("name").asText()));
            List<String> texts = new ArrayList<>();
            d.targets().forEach(t -> texts.add(t.expr()));
            d.variables().forEach(v -> texts.add(v.path("definition").asText()));
            for (String text : texts) {
                Matcher m = VARIABLE.matcher(text);
                while (m.find()) {
                    assertThat(defined).as(d.uid() + ": $" + m.group(1) + " in " + text).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void shouldShareTagsAndLinksAndBeLinkedFromTheOverview() {
        Dashboard overview = dashboards.stream().filter(d -> d.uid().equals(OVERVIEW)).findFirst().orElseThrow();
        Set<String> uids = new HashSet<>();
        dashboards.forEach(d -> uids.add(d.uid()));
        for (Dashboard d : dashboards) {
            List<String> tags = texts(d.json().path("tags"));
            assertThat(tags).as(d.uid()).contains("sitewatch");
            JsonNode shared = sharedLink(d);
            assertThat(shared).as(d.uid() + ": the shared 'sitewatch' dashboards link").isNotNull();
            assertThat(shared.path("includeVars").asBoolean()).as(d.uid() + ": links keep the variables").isTrue();
            assertThat(shared.path("keepTime").asBoolean()).as(d.uid() + ": links keep the time range").isTrue();
            if (!d.uid().equals(OVERVIEW)) {
                List<String> overviewLinkTags = texts(sharedLink(overview).path("tags"));
                assertThat(tags).as(d.uid() + " is listed by the overview's links").containsAll(overviewLinkTags);
            }
            // every direct link points at a dashboard that exists
            Matcher m = Pattern.compile("/d/([a-z0-9-]+)").matcher(d.json().toString());
            while (m.find()) {
                assertThat(uids).as(d.uid() + " links /d/" + m.group(1)).contains(m.group(1));
            }
        }
    }

    @Test
    void shouldQueryOnlyRecordingRulesThatExist() throws Exception {
        Set<String> recorded = new HashSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(Dashboards.PROMETHEUS_DIR.resolve("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                for (JsonNode group : yaml.readTree(f.toFile()).path("groups")) {
                    group.path("rules").forEach(r -> {
                        if (r.has("record")) {
                            recorded.add(r.path("record").asText());
                        }
                    });
                }
            }
        }
        for (Dashboard d : dashboards) {
            for (Target t : d.targets()) {
                Matcher m = RECORDED_NAME.matcher(t.expr());
                while (m.find()) {
                    assertThat(recorded).as(t + " uses " + m.group()).contains(m.group());
                }
            }
        }
    }

    private static JsonNode variable(Dashboard d, String name) {
        return d.variables().stream().filter(v -> v.path("name").asText().equals(name)).findFirst().orElse(null);
    }

    private static JsonNode sharedLink(Dashboard d) {
        for (JsonNode link : d.json().path("links")) {
            if (link.path("type").asText().equals("dashboards") && texts(link.path("tags")).contains("sitewatch")) {
                return link;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void collectDatasourceUids(JsonNode node, List<String> out) {
        if (node.isObject()) {
            JsonNode ds = node.get("datasource");
            if (ds != null && ds.isObject()) {
                out.add(ds.path("uid").asText());
            } else if (ds != null && ds.isTextual()) {
                out.add(ds.asText());
            }
            node.forEach(child -> collectDatasourceUids(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectDatasourceUids(child, out));
        }
    }
}
