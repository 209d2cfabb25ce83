package org.sitewatch.collectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.events.Platform;

/**
 * Fails when a platform's collector is not registered in {@code META-INF/services}. Add each new
 * vendor plug-in's platform to {@link #IMPLEMENTED}.
 */
class CollectorRegistrationTest {

    /** The platforms whose collector this module ships. */
    private static final Set<Platform> IMPLEMENTED = EnumSet.of(Platform.PROXMOX);

    @Test
    void shouldFindACollectorForEveryImplementedPlatformWithServiceLoader() {
        CollectorRegistry registry = CollectorRegistry.discover();

        assertThat(registry.platforms()).containsExactlyInAnyOrderElementsOf(IMPLEMENTED);
        IMPLEMENTED.forEach(p -> assertThat(registry.find(p)).get()
                .satisfies(f -> assertThat(f.platform()).isEqualTo(p)));
    }

    @Test
    void shouldRefuseTwoCollectorsForOnePlatform() {
        CollectorFactory one = CollectorRegistry.discover().find(Platform.PROXMOX).orElseThrow();

        assertThatThrownBy(() -> new CollectorRegistry(List.of(one, one)))
                .hasMessageContaining("two collectors registered for platform proxmox");
    }
}
