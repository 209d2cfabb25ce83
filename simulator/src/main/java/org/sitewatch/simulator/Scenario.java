package org.sitewatch.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated, immutable simulation scenario in the vendor-neutral model: the sites, the clusters
 * that stand in them (each served by its platform's vendor front, its nodes possibly spread over
 * several sites), and a timeline of steps, optionally repeated every {@code loop}. Loaded from
 * YAML; every validation error is a {@link ScenarioException} naming the source and the offending
 * path, e.g. {@code timeline[3].job}. The YAML format is described in the module's README.
 */
public final class Scenario {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<ClusterSpec> clusters;
    private final List<ScenarioStep> timeline;
    private final Duration loop;

    /**
     * Programmatic construction. Only cluster-name uniqueness and the loop are checked here; the
     * cross-references that {@link #parse} validates (nodes, guests, jobs, steps) are the caller's
     * responsibility.
     */
    public Scenario(List<ClusterSpec> clusters, List<ScenarioStep> timeline, Duration loop) {
        Set<String> names = new HashSet<>();
        for (ClusterSpec c : clusters) {
            if (!names.add(c.name())) {
                throw new ScenarioException("duplicate cluster '" + c.name() + "'");
            }
        }
        if (loop != null && (loop.isZero() || loop.isNegative())) {
            throw new ScenarioException("loop must be greater than zero");
        }
        this.clusters = List.copyOf(clusters);
        this.timeline = List.copyOf(timeline);
        this.loop = loop;
    }

    /** Reads a scenario file. */
    public static Scenario load(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a scenario from the classpath, e.g. {@code /scenarios/default.yaml}. */
    public static Scenario loadResource(String classpathPath) {
        String p = classpathPath.startsWith("/") ? classpathPath : "/" + classpathPath;
        try (InputStream in = Scenario.class.getResourceAsStream(p)) {
            if (in == null) {
                throw new ScenarioException("no scenario resource " + p + " on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses scenario YAML text. */
    public static Scenario parse(String yaml) {
        return parse(yaml, "<string>");
    }

    private static Scenario parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("invalid scenario " + source + ": not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ScenarioException("invalid scenario " + source + ": empty document");
        }
        try {
            return fromTree(new YamlObject(root, ""));
        } catch (ScenarioException e) {
            throw new ScenarioException("invalid scenario " + source + ": " + e.getMessage(), e);
        }
    }

    private static Scenario fromTree(YamlObject root) {
        root.allow("name", "description");
        Duration loop = root.has("loop") ? ClusterParser.positive(root, "loop", root.duration("loop")) : null;
        // The first format listed clusters under "sites" (one cluster per site); it still reads.
        boolean legacy = !root.has("clusters");
        String listKey = legacy ? "sites" : "clusters";
        // With "clusters", an optional "sites" list declares the site names, so a misspelt one fails.
        Set<String> declaredSites = legacy || !root.has("sites") ? null : new LinkedHashSet<>(root.strings("sites"));
        List<YamlObject> raw = root.objects(listKey);
        if (raw.isEmpty()) {
            throw root.error(listKey, "at least one cluster is required");
        }
        List<ClusterSpec> clusters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            ClusterSpec c = ClusterParser.parse(raw.get(i), i, declaredSites);
            if (!names.add(c.name())) {
                throw raw.get(i).error("name", "duplicate cluster '" + c.name() + "'");
            }
            clusters.add(c);
        }
        List<ScenarioStep> steps = new TimelineParser(clusters).parse(root.objects("timeline"), loop);
        root.rejectUnknown();
        return new Scenario(clusters, steps, loop);
    }

    /** The clusters in scenario order; each is one API endpoint. */
    public List<ClusterSpec> clusters() {
        return clusters;
    }

    /** @throws IllegalArgumentException when there is no such cluster */
    public ClusterSpec cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster '" + name + "'"));
    }

    /** Every site some cluster or node stands in, in order of first appearance (home sites first). */
    public List<String> sites() {
        Set<String> out = new LinkedHashSet<>();
        clusters.forEach(c -> out.add(c.site()));
        clusters.forEach(c -> out.addAll(c.sites()));
        return List.copyOf(out);
    }

    /** Steps in file order (see {@link ScenarioStep#index()}). */
    public List<ScenarioStep> timeline() {
        return timeline;
    }

    /** The repeat period of the timeline, if it loops. */
    public Optional<Duration> loop() {
        return Optional.ofNullable(loop);
    }
}
