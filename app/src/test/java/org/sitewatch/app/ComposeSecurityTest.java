package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.security.Credentials;
import org.sitewatch.security.Role;
import org.sitewatch.security.SitewatchSecurityProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The compose stack's security, read from docker-compose.yml (no Docker here): no Prometheus lifecycle API,
 * no default Grafana password, nothing viewable anonymously unless asked, Alertmanager and Prometheus not
 * published beyond this machine, the streams app bound to all interfaces only inside its container, and
 * the secrets service's script run for real: the scrape token Prometheus reads and the hash the apps
 * accept belong together.
 */
class ComposeSecurityTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SECRETS_VOLUME = "sitewatch-secrets";

    @TempDir
    Path dir;

    private static JsonNode services() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
    }

    @Test
    void shouldCloseWhatHasNoLoginOfItsOwn() throws Exception {
        JsonNode services = services();
        assertThat(texts(services.path("prometheus").path("command"))).noneMatch(a -> a.contains("enable-lifecycle"));
        assertThat(services.path("prometheus").path("ports").toString()).doesNotContain("\"9090:9090\"").contains("127.0.0.1:9090");
        assertThat(services.path("alertmanager").has("ports")).isFalse();

        JsonNode grafana = services.path("grafana").path("environment");
        assertThat(grafana.has("GF_SECURITY_ADMIN_PASSWORD")).as("no password in the file or a default one").isFalse();
        assertThat(grafana.path("GF_SECURITY_ADMIN_PASSWORD__FILE").asText())
                .isEqualTo(mountOf(services.path("grafana"), SECRETS_VOLUME) + "/grafana-admin-password");
        assertThat(grafana.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("${GRAFANA_ANONYMOUS_VIEWER:-false}");
        assertThat(services.path("streams").path("environment").path("SITEWATCH_SECURITY_ANONYMOUSVIEWER").asText())
                .isEqualTo("${SITEWATCH_ANONYMOUS_VIEWER:-false}");
        assertThat(texts(services.path("streams").path("command"))).containsSequence("--bind", "0.0.0.0");
    }

    @Test
    void shouldGiveEachServiceTheSecretsItReadsOnceTheyAreMade() throws Exception {
        JsonNode services = services();
        for (String app : List.of("streams", "collectors")) {
            String mount = mountOf(services.path(app), SECRETS_VOLUME);
            JsonNode env = services.path(app).path("environment");
            assertThat(env.path("SITEWATCH_SECURITY_TOKENSFILE").asText()).as(app).isEqualTo(mount + "/tokens");
            assertThat(env.path("SITEWATCH_SECURITY_ADMINTOKENFILE").asText()).as(app).isEqualTo(mount + "/admin-token");
        }
        // prometheus.yml's credentials_file is relative to /etc/prometheus, where the volume is mounted over the placeholder
        String credentials = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("dashboard/prometheus/prometheus.yml").toFile())
                .path("scrape_configs").get(0).path("authorization").path("credentials_file").asText();
        assertThat("/etc/prometheus/" + credentials).isEqualTo(mountOf(services.path("prometheus"), SECRETS_VOLUME) + "/scrape-token");
        assertThat(ROOT.resolve("dashboard/prometheus").resolve(credentials)).as("placeholder for promtool").isRegularFile();
        for (String service : List.of("streams", "collectors", "prometheus", "grafana")) {
            assertThat(services.path(service).path("depends_on").path("secrets").path("condition").asText()).as(service)
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void shouldMakeSecretsTheAppsAndPrometheusAgreeOnAndKeepThemAcrossRuns() throws Exception {
        String script = services().path("secrets").path("entrypoint").get(2).asText()
                .replace("$$", "$") // compose's escape of a literal $
                .replace("/var/lib/sitewatch/secrets", dir.toString())
                .replaceAll("(?m)^chown .*$", ": no other users here"); // ownership needs the containers' users
        run(script, Map.of("GRAFANA_ADMIN_PASSWORD", ""));

        String scrapeToken = Files.readString(dir.resolve("scrape-token"));
        assertThat(scrapeToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(dir.resolve("admin-token"))).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(scrapeToken);
        assertThat(Files.readString(dir.resolve("grafana-admin-password"))).matches("[A-Za-z0-9_-]{43}");
        for (String file : List.of("admin-token", "scrape-token", "tokens", "grafana-admin-password")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)))).as(file).isEqualTo("r--------");
        }
        // the apps read the tokens file and admin token as the compose environment says, and accept what Prometheus sends
        Credentials credentials = Credentials.load(new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.security.tokens-file", dir.resolve("tokens").toString(),
                "sitewatch.security.admin-token-file", dir.resolve("admin-token").toString())))
                .bindOrCreate("sitewatch.security", SitewatchSecurityProperties.class));
        assertThat(credentials.matchToken(scrapeToken.trim())).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("prometheus");
            assertThat(t.roles()).containsExactly(Role.METRICS);
        });

        String admin = Files.readString(dir.resolve("admin-token"));
        run(script, Map.of("GRAFANA_ADMIN_PASSWORD", "chosen-by-the-admin"));
        assertThat(Files.readString(dir.resolve("admin-token"))).as("kept on the next up").isEqualTo(admin);
        assertThat(Files.readString(dir.resolve("grafana-admin-password"))).as("kept: Grafana uses it once").isNotEqualTo("chosen-by-the-admin");
        Files.delete(dir.resolve("grafana-admin-password"));
        run(script, Map.of("GRAFANA_ADMIN_PASSWORD", "chosen-by-the-admin"));
        assertThat(Files.readString(dir.resolve("grafana-admin-password"))).isEqualTo("chosen-by-the-admin");
    }

    private static void run(String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    /** The container path where {@code service} mounts the named volume. */
    private static String mountOf(JsonNode service, String volume) {
        return texts(service.path("volumes")).stream().filter(v -> v.startsWith(volume + ":")).map(v -> v.split(":")[1])
                .findFirst().orElseThrow(() -> new AssertionError("no mount of " + volume));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
