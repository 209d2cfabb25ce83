package org.sitewatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads {@code sitewatch.kafka.*} before the Spring application exists, for the clients the launcher
 * creates itself (topic provisioning), from the same sources and in the same order of precedence as
 * the application will: the command-line properties, then JVM system properties and environment
 * variables, then the {@code --config} file. So the launcher's admin client and the application's
 * clients always agree. A secret Kafka setting given as a plain command-line value is refused (see
 * {@link KafkaClientSettings#refuseSecretsOnCommandLine}): it belongs in a file or an environment
 * variable. Limit: Spring's other config locations ({@code application.yml} in the working directory)
 * are not read here; the launcher passes its own properties on the command line.
 */
final class KafkaSettingsResolver {

    private KafkaSettingsResolver() {
    }

    /**
     * @param commandLine properties given on the command line (highest precedence)
     * @param configFile the {@code --config} file, or null
     */
    static KafkaClientSettings resolve(Map<String, String> commandLine, String configFile) {
        // --sitewatch.kafka.properties.sasl.jaas.config=... would sit in ps and shell histories
        KafkaClientSettings.refuseSecretsOnCommandLine(KafkaClientSettings.kafkaKeysOf(commandLine.keySet()),
                "--" + KafkaClientSettings.PREFIX + ".properties.");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("command line", Map.copyOf(commandLine)));
        if (configFile != null) {
            load(configFile).forEach(environment.getPropertySources()::addLast);
        }
        return Binder.get(environment).bindOrCreate(KafkaClientSettings.PREFIX, KafkaClientSettings.class);
    }

    private static List<PropertySource<?>> load(String configFile) {
        FileSystemResource file = new FileSystemResource(configFile);
        if (!file.isReadable()) {
            throw new IllegalArgumentException("--config " + configFile + ": no such readable file");
        }
        PropertySourceLoader loader = configFile.endsWith(".properties")
                ? new PropertiesPropertySourceLoader() : new YamlPropertySourceLoader();
        try {
            return loader.load("--config " + configFile, file);
        } catch (IOException e) {
            throw new UncheckedIOException("--config " + configFile + ": cannot read it", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--config " + configFile + ": not valid "
                    + (configFile.endsWith(".properties") ? "properties" : "YAML") + ": " + e.getMessage(), e);
        }
    }
}
