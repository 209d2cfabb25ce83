package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.core.fold.HealthSettings;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The streams app binds {@code sitewatch.health} with its annotated {@link HealthProperties}; the audit
 * binds the core's {@link HealthSettings} from the same file. Both must judge with the same rules.
 */
class HealthSettingsHandOverTest {

    @Test
    void shouldHandTheCoreTheDefaultsTheCoreAppliesItself() {
        Binder empty = new Binder(new MapConfigurationPropertySource());

        HealthSettings bound = empty.bindOrCreate("sitewatch.health", HealthProperties.class).settings();

        assertThat(bound).isEqualTo(HealthSettings.defaults());
        assertThat(empty.bindOrCreate("sitewatch.health", HealthSettings.class)).isEqualTo(HealthSettings.defaults());
    }

    @Test
    void shouldReadTheSameOverridesWhetherBoundByTheAppOrByTheCoreRecord() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.health.stale-after-intervals", "5",
                "sitewatch.health.rpo-grace-seconds", "30",
                "sitewatch.health.sites.paris-dc1.target-rpo-seconds", "600",
                "sitewatch.health.pairs.paris-dc1.london-dr.require-test-failover", "false",
                "sitewatch.health.items.paris-dc1[Job.A].test-failover-max-age-days", "30")));

        HealthSettings viaApp = binder.bind("sitewatch.health", HealthProperties.class).get().settings();
        HealthSettings viaCore = binder.bind("sitewatch.health", HealthSettings.class).get();

        assertThat(viaCore).isEqualTo(viaApp);
        assertThat(viaCore.toRules()).isEqualTo(viaApp.toRules());
        assertThat(viaCore.toRules().forSite("paris-dc1").staleAfterIntervals()).isEqualTo(5);
    }

    @Test
    void shouldRefuseABadValueWithItsPropertyEitherWay() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("sitewatch.health.rpo-grace-seconds", "-1")));

        assertThatThrownBy(() -> binder.bind("sitewatch.health", HealthSettings.class))
                .isInstanceOf(BindException.class).hasMessageContaining("sitewatch.health")
                .rootCause().hasMessageContaining("rpo-grace-seconds must not be negative but was -1");
        assertThatThrownBy(() -> binder.bind("sitewatch.health", HealthProperties.class))
                .isInstanceOf(BindException.class).hasMessageContaining("sitewatch.health");
    }
}
