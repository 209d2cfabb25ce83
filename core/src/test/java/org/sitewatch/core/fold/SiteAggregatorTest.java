package org.sitewatch.core.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaActionKind;

class SiteAggregatorTest {

    private static Contribution counts(String... counters) {
        Map<String, Long> m = new java.util.HashMap<>();
        for (String c : counters) {
            m.put(c, 1L);
        }
        return new Contribution(m, null, null);
    }

    private static Contribution problem(HealthStatus severity, String id) {
        return new Contribution(Map.of("x", 1L),
                new Problem(EntityKind.VM, id, id, severity, "trouble with " + id, T0, null, null), null);
    }

    private static SiteDelta change(String key, Contribution before, Contribution after) {
        return SiteDelta.change(PARIS, "vm/" + PARIS + "/" + key, before, after, T0);
    }

    @Test
    void shouldAddTheNewContributionAndSubtractTheOld() {
        SiteAggregator aggregator = new SiteAggregator(AggregateLimits.DEFAULTS);
        SiteAggregate agg = aggregator.apply(null, change("1", Contribution.NONE, counts("vm", "vm.power.RUNNING")));
        agg = aggregator.apply(agg, change("2", Contribution.NONE, counts("vm", "vm.power.RUNNING")));

        agg = aggregator.apply(agg, change("1", counts("vm", "vm.power.RUNNING"), counts("vm", "vm.power.STOPPED")));

        assertThat(agg.counts()).containsOnly(Map.entry("vm", 2L), Map.entry("vm.power.RUNNING", 1L),
                Map.entry("vm.power.STOPPED", 1L));
    }

    @Test
    void shouldDropACounterThatReachesZero() {
        SiteAggregator aggregator = new SiteAggregator(AggregateLimits.DEFAULTS);
        SiteAggregate agg = aggregator.apply(null, change("1", Contribution.NONE, counts("vm", "vm.power.CRASHED")));

        agg = aggregator.apply(agg, change("1", counts("vm", "vm.power.CRASHED"), Contribution.NONE));

        assertThat(agg.counts()).isEmpty();
    }

    @Test
    void shouldListProblemsUpToTheCapAndCountTheRest() {
        SiteAggregator aggregator = new SiteAggregator(new AggregateLimits(2, 10));
        SiteAggregate agg = null;
        for (String id : new String[] {"a", "b", "c"}) {
            agg = aggregator.apply(agg, change(id, Contribution.NONE, problem(HealthStatus.DEGRADED, id)));
        }
        assertThat(agg.problems()).hasSize(2);
        assertThat(agg.problemsNotListed()).isEqualTo(1);

        // "c" went unlisted; when it clears, the unlisted count goes down, the list stays.
        agg = aggregator.apply(agg, change("c", problem(HealthStatus.DEGRADED, "c"), Contribution.NONE));

        assertThat(agg.problems()).containsOnlyKeys("vm/" + PARIS + "/a", "vm/" + PARIS + "/b");
        assertThat(agg.problemsNotListed()).isZero();
        assertThat(agg.problemCount()).isEqualTo(2);
    }

    @Test
    void shouldPushOutAMilderProblemForAMoreSevereOneWhenTheListIsFull() {
        SiteAggregator aggregator = new SiteAggregator(new AggregateLimits(1, 10));
        SiteAggregate agg = aggregator.apply(null, change("mild", Contribution.NONE, problem(HealthStatus.DEGRADED, "mild")));

        agg = aggregator.apply(agg, change("severe", Contribution.NONE, problem(HealthStatus.CRITICAL, "severe")));

        assertThat(agg.problems()).containsOnlyKeys("vm/" + PARIS + "/severe");
        assertThat(agg.problemsNotListed()).isEqualTo(1);
    }

    @Test
    void shouldKeepRecentHaActionsNewestFirstEachOnceAndBounded() {
        SiteAggregator aggregator = new SiteAggregator(new AggregateLimits(10, 2));
        SiteAggregate agg = null;
        for (int i = 0; i < 3; i++) {
            HaActionView a = new HaActionView("src e" + i, "a" + i, "100", "paris", HaActionKind.RESTART, null, null, null,
                    null, T0.plusSeconds(i));
            agg = aggregator.apply(agg, SiteDelta.action(PARIS, "ha-action/" + PARIS + "/100", a));
            agg = aggregator.apply(agg, SiteDelta.action(PARIS, "ha-action/" + PARIS + "/100", a));
        }

        assertThat(agg.recentHaActions()).extracting(HaActionView::actionId).containsExactly("a2", "a1");
    }
}
