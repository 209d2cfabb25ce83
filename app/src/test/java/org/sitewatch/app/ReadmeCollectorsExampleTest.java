package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.config.CollectorEndpoints;
import org.sitewatch.collectors.config.CollectorsConfiguration;
import org.sitewatch.collectors.config.CollectorsProperties;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/**
 * The collectors' configuration the README shows a new user (`collectors.yml`) goes through the
 * collectors app's own binding and start-up checks, as written: every endpoint of every vendor is
 * accepted. The files it names under {@code /etc/sitewatch/} are made in a temporary folder (empty
 * stand-ins of the right kind) and a secret it reads from an environment variable ({@code x-env: VAR})
 * is given inline instead ({@code x: value}; the binder reads the process's real environment), since
 * their content is the user's; everything else is the README's text.
 */
class ReadmeCollectorsExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ETC_FILE = Pattern.compile("/etc/sitewatch/[\\w./-]+");
    private static final Pattern ENV_KEY = Pattern.compile("([\\w-]+)-env: \\w+");
    /** Shaped like every secret the example reads (a Proxmox API token is the strictest). */
    private static final String SECRET = "monitor@pve!sitewatch=00000000-0000-0000-0000-000000000000";

    @Test
    void shouldStartEveryEndpointOfTheReadmesCollectorsExample(@TempDir Path etc) throws IOException {
        String yaml = ENV_KEY.matcher(collectorsExample()).replaceAll("$1: \"" + SECRET + "\"");
        Matcher files = ETC_FILE.matcher(yaml);
        while (files.find()) {
            Path file = etc.resolve(files.group().substring("/etc/sitewatch/".length()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, standIn(file), StandardCharsets.UTF_8);
        }
        String local = yaml.replace("/etc/sitewatch/", etc.toAbsolutePath() + "/");

        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("collectors.yml", new ByteArrayResource(local.getBytes(StandardCharsets.UTF_8)))
                .forEach(environment.getPropertySources()::addLast);
        CollectorsProperties properties = Binder.get(environment).bindOrCreate("sitewatch.collectors",
                CollectorsProperties.class);
        DefaultListableBeanFactory none = new DefaultListableBeanFactory();
        CollectorManager manager = new CollectorsConfiguration().collectorManager(properties,
                none.getBeanProvider(CollectorEndpoints.class), CollectorRegistry.discover(),
                event -> CompletableFuture.failedFuture(new IllegalStateException("never started")), environment,
                none.getBeanProvider(MeterRegistry.class), none.getBeanProvider(Clock.class));

        assertThat(manager.endpoints()).extracting(EndpointConfig::platform).extracting(p -> p.wire())
                .contains("proxmox", "vsphere", "hyperv", "azure", "libvirt", "kubevirt");
    }

    /** The YAML block that starts with {@code # collectors.yml}, unindented. */
    private static String collectorsExample() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("# collectors.yml");
        assertThat(start).as("the README's collectors.yml example").isPositive();
        int end = readme.indexOf("```", start);
        String block = readme.substring(start, end);
        String indent = readme.substring(readme.lastIndexOf('\n', start) + 1, start);
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            out.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
        }
        return out.toString();
    }

    /** Something of the kind a path names: a minimal kubeconfig, else a token-shaped line (tokens, passwords, PEM stand-ins). */
    private static String standIn(Path file) {
        if (file.getFileName().toString().endsWith(".kubeconfig")) {
            return """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]
                    users: [{name: u, user: {token: t}}]
                    contexts: [{name: x, context: {cluster: c, user: u}}]
                    current-context: x
                    """;
        }
        return SECRET + "\n";
    }
}
