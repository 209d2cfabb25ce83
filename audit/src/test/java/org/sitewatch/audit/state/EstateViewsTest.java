package org.sitewatch.audit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.at;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.audit.AuditException;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteList;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;

class EstateViewsTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private final HealthRules rules = HealthRules.defaultRules();
    private final InMemoryEstate estate = new InMemoryEstate(rules, AggregateLimits.DEFAULTS);

    private void fold(SitewatchEvent e) {
        estate.apply(e, e.time());
    }

    @Test
    void shouldRenderTheSiteViewsOfAnEstateJudgedAtTheGivenInstant() {
        fold(at(T, TestEvents.heartbeat(PARIS, 15)));
        fold(at(T, TestEvents.vm(PARIS, "100", PowerState.CRASHED)));
        fold(at(T, TestEvents.heartbeat(LONDON, 15)));
        EstateViews views = new EstateViews(rules);

        SiteList list = views.of(estate, a -> a, T.plusSeconds(10)).sites();
        assertThat(list.asOf()).isEqualTo(T.plusSeconds(10));
        assertThat(list.sites()).extracting(s -> s.site() + " " + s.status())
                .containsExactly("london-dr OK", "paris-dc1 DEGRADED");

        // 46 s later both collectors are stale (3 x 15 s): judged at the instant, not at the fold.
        SiteDetail paris = views.of(estate, a -> a, T.plusSeconds(46)).site(PARIS);
        assertThat(paris.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(paris.problems()).extracting(p -> p.subject()).containsExactly("vm/paris-dc1/100");
        assertThatThrownBy(() -> views.of(estate, a -> a, T).site("nowhere")).isInstanceOf(AuditException.class)
                .hasMessageContaining("unknown site 'nowhere'");
    }

    @Test
    void shouldTurnAnItemOutsideItsRpoAtTheCrossingWithoutAnEvent() {
        InMemoryEstate e = estate;
        RpoTimer timer = new RpoTimer(e, rules, instant -> { });
        SitewatchEvent synced = at(T, TestEvents.replicating(PARIS, "100-0", PARIS, 60, T));
        e.apply(synced, T);
        timer.track(synced, T);
        e.apply(at(T, TestEvents.heartbeat(PARIS, 3600)), T);

        timer.advanceTo(T.plusSeconds(60));
        SiteDetail inside = new EstateViews(rules).of(e, a -> a, T.plusSeconds(60)).site(PARIS);
        assertThat(inside.status()).isEqualTo(HealthStatus.OK);
        assertThat(inside.counts().replication().worstLagSeconds()).as("from the rebuilt lag index").isEqualTo(60);

        timer.advanceTo(T.plusSeconds(61));
        SiteDetail late = new EstateViews(rules).of(e, a -> a, T.plusSeconds(61)).site(PARIS);
        assertThat(late.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(late.problems().get(0).since()).as("dated at the crossing").isEqualTo(T.plusSeconds(60).plusMillis(1));
    }
}
