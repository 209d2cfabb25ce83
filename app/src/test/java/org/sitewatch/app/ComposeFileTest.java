package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.config.CollectorEndpoints;
import org.sitewatch.collectors.config.CollectorsConfiguration;
import org.sitewatch.collectors.config.CollectorsProperties;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.simulator.front.VendorFront;
import org.sitewatch.simulator.front.VendorFronts;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its structure is checked instead: the
 * services and their images, ports, health checks and named volumes, that Sitewatch (not the broker)
 * creates topics, that every file it mounts exists, and that the mounted Prometheus and Grafana
 * provisioning point at each other and at the compose services, that the example collectors' configuration
 * describes the default scenario as the compose simulator serves it (the Azure vault on its own HTTPS port,
 * trusted through the certificate the simulator writes to a shared volume) and passes the collectors
 * app's start-up checks. {@code ComposeStackIT} runs the stack
 * where Docker exists.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLE = ROOT.resolve("app/src/main/resources/examples/collectors-simulator.yml");

    @Test
    void shouldDeclareTheStackWithTopicsCreatedBySitewatch() throws Exception {
        JsonNode compose = yaml(ROOT.resolve("docker-compose.yml"));
        JsonNode services = compose.path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("kafka", "simulator", "collectors", "streams", "prometheus", "alertmanager", "grafana");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(services.path("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(services.path("simulator").path("profiles").toString()).contains("simulator");
        for (String app : List.of("collectors", "streams")) {
            assertThat(services.path(app).path("environment").path("SITEWATCH_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(services.path(app).path("healthcheck").isMissingNode()).isFalse();
        }
        assertThat(Files.exists(ROOT.resolve("Dockerfile"))).isTrue();
    }

    @Test
    void shouldMountOnlyFilesThatExistInTheRepository() throws Exception {
        JsonNode services = yaml(ROOT.resolve("docker-compose.yml")).path("services");
        List<String> mounts = new ArrayList<>();
        services.forEach(s -> s.path("volumes").forEach(v -> mounts.add(v.asText())));
        for (String mount : mounts) {
            String source = mount.split(":")[0];
            if (source.startsWith("./")) {
                assertThat(ROOT.resolve(source)).as(mount).exists();
            }
        }
        assertThat(mounts).anyMatch(m -> m.startsWith("./"));
    }

    @Test
    void shouldPointTheExampleCollectorConfigAtTheDefaultScenarioSitesAndTokens() throws Exception {
        JsonNode endpoints = yaml(EXAMPLE).path("sitewatch").path("collectors").path("endpoints");
        Scenario scenario = Scenario.loadResource(ScenarioOption.DEFAULT);
        ComposeSimulator compose = ComposeSimulator.of(yaml(ROOT.resolve("docker-compose.yml")).path("services"));
        assertThat(endpoints).extracting(e -> e.path("id").asText())
                .containsExactlyElementsOf(servedOverHttp(scenario).stream().map(ClusterSpec::name).toList());
        for (JsonNode e : endpoints) {
            ClusterSpec cluster = scenario.cluster(e.path("id").asText());
            assertThat(e.path("site").asText()).isEqualTo(cluster.site());
            assertThat(e.path("platform").asText()).isEqualTo(cluster.platform());
            if (cluster.platform().equals("proxmox")) {
                assertThat(e.path("proxmox").path("url").asText())
                        .isEqualTo("http://simulator:8006/" + cluster.name() + "/api2/json");
                assertThat(e.path("proxmox").path("api-token").asText()).isEqualTo(cluster.vendorSetting("token", null));
            } else if (cluster.platform().equals("hyperv")) {
                // the failover clusters: the listeners' login, every node's listener, each replica server's site
                JsonNode hyperv = e.path("hyperv");
                String root = "http://simulator:8006/" + cluster.name();
                assertThat(hyperv.path("url").asText()).isEqualTo(root + "/wsman");
                assertThat(hyperv.path("allow-unencrypted").asBoolean()).as("plain HTTP to the simulator").isTrue();
                assertThat(hyperv.path("operation-timeout").asText()).as("as the simulator's own settings").isEqualTo("5s");
                assertThat(hyperv.path("basic-login").path("username").asText())
                        .isEqualTo(cluster.vendorSetting("username", "sitewatch"));
                assertThat(hyperv.path("basic-login").path("password").asText())
                        .isEqualTo(cluster.vendorSetting("password", "sitewatch-simulated"));
                String domain = cluster.vendorSetting("domain", cluster.site() + ".example");
                for (NodeSpec node : cluster.nodes()) {
                    if (node.site().equals(cluster.site())) {
                        assertThat(hyperv.path("node-urls").path(node.name()).asText()).as(node.name())
                                .isEqualTo(root + "/" + node.name() + "/wsman");
                    } else {
                        // a dotted map key must be bracketed, or Spring's YAML loader nests it at the dots
                        assertThat(hyperv.path("sites").path("[" + node.name() + "." + domain + "]").asText())
                                .as(node.name()).isEqualTo(node.site());
                    }
                }
                assertThat(hyperv.path("node-urls").size() + hyperv.path("sites").size()).as("nothing else listed")
                        .isEqualTo(cluster.nodes().size());
            } else if (cluster.platform().equals("azure")) {
                // the vault: exactly what the simulator gives a collector, reached over the compose network
                Map<String, String> expected = new TreeMap<>();
                compose.azureSettings(scenario, cluster).forEach((key, value) -> expected.put(mapEntryAsField(key), value));
                Map<String, String> written = new TreeMap<>();
                flatten("", e.path("azure"), written);
                assertThat(written).as("azure block of %s", cluster.name()).isEqualTo(expected);
            } else if (List.of("ovirt", "oraclevm", "citrix").contains(cluster.platform())) {
                // served below the simulator's main port: exactly what the simulator gives a collector, over the compose network
                VendorFront front = VendorFronts.forPlatform(cluster.platform());
                String url = "http://simulator:" + compose.port() + "/" + cluster.name() + front.apiRoot();
                Map<String, String> expected = new TreeMap<>();
                expected.put("url", url);
                front.collectorSettings(cluster, url, scenario.clusters())
                        .forEach((key, value) -> expected.put(mapEntryAsField(key), value));
                Map<String, String> written = new TreeMap<>();
                flatten("", e.path(cluster.platform()), written);
                assertThat(written).as("%s block of %s", cluster.platform(), cluster.name()).isEqualTo(expected);
            } else {
                // the vCenters: the simulator's default login, VR and SRM below the vCenter's URL, every target site
                JsonNode vsphere = e.path("vsphere");
                assertThat(vsphere.path("url").asText()).isEqualTo("http://simulator:8006/" + cluster.name());
                assertThat(vsphere.path("login").path("username").asText())
                        .isEqualTo(cluster.vendorSetting("username", "sitewatch@vsphere.local"));
                assertThat(vsphere.path("replication").path("url").asText()).isEqualTo(vsphere.path("url").asText());
                assertThat(vsphere.path("replication").path("sites").path(cluster.name()).asText()).isEqualTo(cluster.site());
                // a DR host's site is named by that site's vCenter (the vSphere cluster at home there)
                cluster.nodes().stream().filter(n -> !n.site().equals(cluster.site())).forEach(n -> {
                    String vcenter = scenario.clusters().stream().filter(c -> c.site().equals(n.site())
                            && c.platform().equals("vsphere")).map(ClusterSpec::name).findFirst().orElse(n.site());
                    assertThat(vsphere.path("replication").path("sites").path(vcenter).asText()).isEqualTo(n.site());
                });
            }
            // a cloud cluster (the VMware Cloud on AWS SDDC) says where it runs, as the embedded default does
            assertThat(e.path("cloud").asText()).as("cloud of %s", cluster.name())
                    .isEqualTo(cluster.vendorSetting("cloud", ""));
            assertThat(e.path("region").asText()).as("region of %s", cluster.name())
                    .isEqualTo(cluster.vendorSetting("region", ""));
            for (NodeSpec node : cluster.nodes()) {
                String expected = node.site().equals(cluster.site()) ? "" : node.site();
                assertThat(e.path("node-sites").path(node.name()).asText()).as(node.name()).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldRunTheMonitoringStackFromPinnedImagesWithHealthChecksAndPorts() throws Exception {
        JsonNode services = yaml(ROOT.resolve("docker-compose.yml")).path("services");
        Map<String, String> images = Map.of("prometheus", "prom/prometheus:v", "alertmanager", "prom/alertmanager:v",
                "grafana", "grafana/grafana:");
        images.forEach((service, prefix) -> {
            String image = services.path(service).path("image").asText();
            assertThat(image).as(service).startsWith(prefix).doesNotEndWith(":latest");
        });
        // every long-running service; one-shot jobs (restart "no", e.g. the secrets maker) are waited for instead
        services.fields().forEachRemaining(s -> assertThat(s.getValue().path("healthcheck").path("test").isMissingNode()
                && !s.getValue().path("restart").asText().equals("no")).as(s.getKey() + " has a health check").isFalse());
        // what users open is published; what has no login of its own only on this machine or not at all (ComposeSecurityTest)
        Map<String, String> ports = Map.of("streams", "8080:8080", "collectors", "127.0.0.1:8081:8081",
                "prometheus", "127.0.0.1:9090:9090", "grafana", "3000:3000");
        ports.forEach((service, port) -> assertThat(texts(services.path(service).path("ports"))).as(service).containsExactly(port));
        assertThat(services.path("alertmanager").has("ports")).as("alertmanager is not published").isFalse();
        assertThat(services.path("grafana").path("depends_on").has("prometheus")).isTrue();
        // the streams app delivers its domain alerts to the compose Alertmanager
        assertThat(services.path("streams").path("environment").path("SITEWATCH_ALERTING_ALERTMANAGER_URLS").asText())
                .isEqualTo("http://alertmanager:9093");
    }

    @Test
    void shouldKeepStateInDeclaredNamedVolumes() throws Exception {
        JsonNode compose = yaml(ROOT.resolve("docker-compose.yml"));
        List<String> declared = new ArrayList<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        List<String> used = new ArrayList<>();
        compose.path("services").forEach(s -> s.path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (!source.startsWith(".") && !source.startsWith("/")) {
                used.add(source);
            }
        }));
        assertThat(used).as("named volumes in use").isNotEmpty();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(used));
        for (String service : List.of("kafka", "streams", "prometheus", "alertmanager", "grafana")) {
            assertThat(texts(compose.path("services").path(service).path("volumes")))
                    .as(service + " keeps its state in a named volume").anyMatch(v -> declared.contains(v.split(":")[0]));
        }
    }

    @Test
    void shouldMountGrafanaProvisioningThatPointsAtTheMountedDashboardsAndThePrometheusService() throws Exception {
        JsonNode services = yaml(ROOT.resolve("docker-compose.yml")).path("services");
        Map<String, Path> grafanaMounts = bindMounts(services.path("grafana"));
        assertThat(grafanaMounts.get("/etc/grafana/provisioning")).isEqualTo(ROOT.resolve("dashboard/grafana/provisioning"));

        JsonNode providers = yaml(ROOT.resolve("dashboard/grafana/provisioning/dashboards/sitewatch.yml")).path("providers");
        assertThat(providers).isNotEmpty();
        for (JsonNode provider : providers) {
            Path dashboards = grafanaMounts.get(provider.path("options").path("path").asText());
            assertThat(dashboards).as("the provider's path is a mount").isEqualTo(ROOT.resolve("dashboard/grafana/dashboards"));
            try (var files = Files.list(dashboards)) {
                assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isGreaterThanOrEqualTo(4);
            }
        }
        String home = services.path("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
        assertThat(inRepository(grafanaMounts, home)).as("home dashboard " + home).isRegularFile();

        JsonNode datasources = yaml(ROOT.resolve("dashboard/grafana/provisioning/datasources/sitewatch-prometheus.yml")).path("datasources");
        assertThat(datasources.get(0).path("type").asText()).isEqualTo("prometheus");
        assertThat(datasources.get(0).path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(services.has("prometheus")).isTrue();
    }

    @Test
    void shouldMountThePrometheusConfigWhoseTargetsAreComposeServices() throws Exception {
        JsonNode services = yaml(ROOT.resolve("docker-compose.yml")).path("services");
        Map<String, Path> mounts = bindMounts(services.path("prometheus"));
        String configFile = texts(services.path("prometheus").path("command")).stream()
                .filter(a -> a.startsWith("--config.file=")).findFirst().orElseThrow().substring("--config.file=".length());
        assertThat(inRepository(mounts, configFile)).isEqualTo(ROOT.resolve("dashboard/prometheus/prometheus.yml"));
        Map<String, String> published = Map.of("streams", "8080", "collectors", "8081", "alertmanager", "9093");
        for (String file : List.of("sitewatch-compose.json", "alertmanager-compose.json")) {
            for (JsonNode group : new ObjectMapper().readTree(ROOT.resolve("dashboard/prometheus/targets").resolve(file).toFile())) {
                for (JsonNode target : group.path("targets")) {
                    String[] hostPort = target.asText().split(":");
                    assertThat(services.has(hostPort[0])).as(file + ": " + target.asText() + " is a compose service").isTrue();
                    assertThat(published.get(hostPort[0])).as(target.asText()).isEqualTo(hostPort[1]);
                }
            }
        }
        Map<String, Path> amMounts = bindMounts(services.path("alertmanager"));
        assertThat(amMounts.get("/etc/alertmanager/alertmanager.yml")).isRegularFile();
    }

    @Test
    void shouldShareTheSimulatorsCertificateWithTheCollectorsThroughANamedVolume() throws Exception {
        JsonNode compose = yaml(ROOT.resolve("docker-compose.yml"));
        JsonNode services = compose.path("services");
        ComposeSimulator simulator = ComposeSimulator.of(services);
        assertThat(simulator.caOut()).as("the simulator writes its certificate (--ca-out)").isNotNull();
        String directory = simulator.caOut().substring(0, simulator.caOut().lastIndexOf('/'));
        String volume = texts(services.path("simulator").path("volumes")).stream()
                .filter(v -> v.split(":")[1].equals(directory)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted on the simulator's " + directory));
        String name = volume.split(":")[0];
        assertThat(compose.path("volumes").has(name)).as("%s is a named volume", name).isTrue();
        assertThat(volume).as("the simulator writes it").doesNotEndWith(":ro");
        assertThat(texts(services.path("collectors").path("volumes"))).as("the collectors read it")
                .contains(name + ":" + directory + ":ro");
        // the collectors reach the vault as "simulator", so the certificate must name it
        assertThat(simulator.tlsHosts()).contains("simulator");
        // healthy only once the certificate is there; the collectors wait for that when the profile is on
        assertThat(texts(services.path("simulator").path("healthcheck").path("test"))).anyMatch(t -> t.contains(simulator.caOut()));
        JsonNode dependency = services.path("collectors").path("depends_on").path("simulator");
        assertThat(dependency.path("condition").asText()).isEqualTo("service_healthy");
        assertThat(dependency.path("required").asBoolean(true)).as("real sites run without the simulator").isFalse();
    }

    @Test
    void shouldStartTheCollectorsFromTheExampleConfigWithoutAProblem() throws Exception {
        // the same binding and start-up checks as the collectors app (CollectorsConfiguration), without Kafka
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("collectors-simulator", new FileSystemResource(EXAMPLE))
                .forEach(environment.getPropertySources()::addLast);
        CollectorsProperties properties = Binder.get(environment).bindOrCreate("sitewatch.collectors",
                CollectorsProperties.class);
        DefaultListableBeanFactory none = new DefaultListableBeanFactory();
        CollectorManager manager = new CollectorsConfiguration().collectorManager(properties,
                none.getBeanProvider(CollectorEndpoints.class), CollectorRegistry.discover(),
                event -> CompletableFuture.failedFuture(new IllegalStateException("never started")), environment,
                none.getBeanProvider(MeterRegistry.class), none.getBeanProvider(Clock.class));
        assertThat(manager.endpoints()).extracting(EndpointConfig::id)
                .containsExactlyElementsOf(servedOverHttp(Scenario.loadResource(ScenarioOption.DEFAULT)).stream()
                        .map(ClusterSpec::name).toList());
    }

    /**
     * The clusters a collector in another container can watch: every one but those whose front is not
     * served over HTTP (libvirt's test driver lives inside the simulator's process) and the KubeVirt ones
     * (served over HTTPS, but read through a kubeconfig the simulator writes as a temp file in its own
     * container; docker-compose.yml says what compose would need for them).
     */
    private static List<ClusterSpec> servedOverHttp(Scenario scenario) {
        return scenario.clusters().stream().filter(c -> VendorFronts.forPlatform(c.platform()).servedOverHttp()
                && !c.platform().equals("kubevirt")).toList();
    }

    /** The simulator service's command line, and what it implies for the collectors' endpoints. */
    private record ComposeSimulator(int port, List<String> tlsHosts, String caOut) {

        static ComposeSimulator of(JsonNode services) {
            List<String> args = texts(services.path("simulator").path("command"));
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < args.size() - 1; i++) {
                if (args.get(i).equals("--tls-host")) {
                    hosts.addAll(List.of(args.get(i + 1).split(",")));
                }
            }
            return new ComposeSimulator(Integer.parseInt(valueOf(args, "--port")), hosts, valueOf(args, "--ca-out"));
        }

        private static String valueOf(List<String> args, String option) {
            int at = args.indexOf(option);
            return at < 0 || at == args.size() - 1 ? null : args.get(at + 1);
        }

        /**
         * The simulator's settings for an own-listener cluster as the collectors container sees it:
         * host "simulator", port = the main port + 1 + its index among such clusters, the ca-file
         * where the simulator writes it.
         */
        Map<String, String> azureSettings(Scenario scenario, ClusterSpec cluster) {
            List<String> ownListeners = scenario.clusters().stream()
                    .filter(c -> VendorFronts.forPlatform(c.platform()) instanceof Simulator.OwnHttpsListener)
                    .map(ClusterSpec::name).toList();
            VendorFront front = VendorFronts.forPlatform(cluster.platform());
            String url = "https://simulator:" + (port + 1 + ownListeners.indexOf(cluster.name())) + front.apiRoot();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("url", url);
            settings.putAll(((Simulator.OwnHttpsListener) front).collectorSettings(cluster, url, Path.of(caOut)));
            return settings;
        }
    }

    /** {@code sites[HVC-OSLO]} (a map entry in the simulator's flat form) as YAML nests it: {@code sites.HVC-OSLO}. */
    private static String mapEntryAsField(String key) {
        return key.replaceAll("\\[([^0-9\\]][^\\]]*)\\]", ".$1");
    }

    /** A YAML block as flat keys: {@code a.b} for fields and map entries, {@code a[0]} for list items. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String key = f.getKey().replaceAll("^\\[(.*)\\]$", "$1");   // Spring's "[a.b]" keeps dots in one key
                flatten(prefix.isEmpty() ? key : prefix + "." + key, f.getValue(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** Container path -> repository path of a service's bind mounts ({@code ./x:/y[:ro]}). */
    private static Map<String, Path> bindMounts(JsonNode service) {
        Map<String, Path> out = new java.util.HashMap<>();
        for (String mount : texts(service.path("volumes"))) {
            String[] parts = mount.split(":");
            if (parts[0].startsWith("./")) {
                out.put(parts[1], ROOT.resolve(parts[0]).normalize());
            }
        }
        return out;
    }

    /** The repository file a container path of a service reaches through its bind mounts. */
    private static Path inRepository(Map<String, Path> mounts, String containerPath) {
        return mounts.entrySet().stream()
                .filter(m -> containerPath.equals(m.getKey()) || containerPath.startsWith(m.getKey() + "/"))
                .map(m -> m.getValue().resolve(containerPath.substring(m.getKey().length()).replaceFirst("^/", "")))
                .findFirst().orElseThrow(() -> new AssertionError(containerPath + " is not in a bind mount"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode yaml(Path file) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }
}
