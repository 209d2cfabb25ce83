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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated, immutable simulation scenario: the sites (clusters) to serve and a timeline of
 * steps, optionally repeated every {@code loop}. Loaded from YAML; every validation error is a
 * {@link ScenarioException} naming the source and the offending path, e.g.
 * {@code timeline[3].job}. The YAML format is described in the module's README.
 */
public final class Scenario {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<SiteSpec> sites;
    private final List<ScenarioStep> timeline;
    private final Duration loop;

    /**
     * Programmatic construction. Only site-name uniqueness and the loop are checked here; the
     * cross-references that {@link #parse} validates (nodes, guests, jobs, steps) are the caller's
     * responsibility.
     */
    public Scenario(List<SiteSpec> sites, List<ScenarioStep> timeline, Duration loop) {
        Set<String> names = new HashSet<>();
        for (SiteSpec s : sites) {
            if (!names.add(s.name())) {
                throw new ScenarioException("duplicate site '" + s.name() + "'");
            }
        }
        if (loop != null && (loop.isZero() || loop.isNegative())) {
            throw new ScenarioException("loop must be greater than zero");
        }
        this.sites = List.copyOf(sites);
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
        Duration loop = root.has("loop") ? SiteParser.positive(root, "loop", root.duration("loop")) : null;
        List<YamlObject> rawSites = root.objects("sites");
        if (rawSites.isEmpty()) {
            throw root.error("sites", "at least one site is required");
        }
        List<SiteSpec> sites = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rawSites.size(); i++) {
            SiteSpec s = SiteParser.parse(rawSites.get(i), i);
            if (!names.add(s.name())) {
                throw rawSites.get(i).error("name", "duplicate site '" + s.name() + "'");
            }
            sites.add(s);
        }
        List<ScenarioStep> steps = new TimelineParser(sites).parse(root.objects("timeline"), loop);
        root.rejectUnknown();
        return new Scenario(sites, steps, loop);
    }

    public List<SiteSpec> sites() {
        return sites;
    }

    /** @throws IllegalArgumentException when there is no such site */
    public SiteSpec site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site '" + name + "'"));
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
