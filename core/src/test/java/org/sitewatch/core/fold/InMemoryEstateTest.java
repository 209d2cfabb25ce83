package org.sitewatch.core.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.action;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.replicating;

import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.SitewatchEvent;

class InMemoryEstateTest {

    private final InMemoryEstate estate = new InMemoryEstate(HealthRules.defaultRules(), AggregateLimits.DEFAULTS);

    @Test
    void shouldRememberAnHaActionOnceWhenItIsSentTwice() {
        SitewatchEvent fence = event(action(PARIS, "vm:100@1", "100", HaActionKind.FENCE), T0);

        estate.apply(fence, T0);
        estate.apply(fence, T0);

        assertThat(estate.site(PARIS).orElseThrow().recentHaActions()).hasSize(1);
    }

    @Test
    void shouldTurnAnItemOutsideItsRpoWhenReevaluatedLater() {
        estate.apply(event(replicating(PARIS, "100-0", 900, T0), T0), T0);

        estate.reevaluate(T0.plusSeconds(901));

        assertThat(estate.site(PARIS).orElseThrow().count(Counters.REPLICATION_OUTSIDE_RPO)).isEqualTo(1);
    }
}
