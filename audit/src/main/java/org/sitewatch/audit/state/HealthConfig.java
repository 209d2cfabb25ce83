package org.sitewatch.audit.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sitewatch.audit.AuditException;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.HealthSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The health rules and aggregate limits a state is rebuilt with, read from the same YAML or
 * properties file the streams app is configured with ({@code sitewatch.health.*},
 * {@code sitewatch.streams.max-problems-per-site}, {@code sitewatch.streams.recent-ha-actions}) and
 * bound to the core's {@link HealthSettings}, the values the streams app hands the core too, so the
 * rebuild judges exactly as the live app did. Without a file: the defaults, as a live app without configuration.
 */
public record HealthConfig(HealthRules rules, AggregateLimits limits) {

    public static HealthConfig defaults() {
        return new HealthConfig(HealthRules.defaultRules(), AggregateLimits.DEFAULTS);
    }

    /** @throws AuditException BAD_REQUEST when the file is missing or its values are invalid */
    public static HealthConfig load(Path file) {
        if (file == null) {
            return defaults();
        }
        if (!Files.isRegularFile(file)) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, "--config " + file + ": no such file");
        }
        try {
            String name = file.getFileName().toString();
            List<PropertySource<?>> sources = new ArrayList<>(name.endsWith(".properties")
                    ? new PropertiesPropertySourceLoader().load(name, new FileSystemResource(file))
                    : new YamlPropertySourceLoader().load(name, new FileSystemResource(file)));
            Binder binder = new Binder(ConfigurationPropertySources.from(sources));
            HealthSettings health = binder.bindOrCreate("sitewatch.health", HealthSettings.class);
            int maxProblems = binder.bind("sitewatch.streams.max-problems-per-site", Integer.class)
                    .orElse(AggregateLimits.DEFAULTS.maxProblems());
            int recentActions = binder.bind("sitewatch.streams.recent-ha-actions", Integer.class)
                    .orElse(AggregateLimits.DEFAULTS.maxRecentHaActions());
            return new HealthConfig(health.toRules(), new AggregateLimits(maxProblems, recentActions));
        } catch (IOException | RuntimeException e) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, "--config " + file + " cannot be used: "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }
}
