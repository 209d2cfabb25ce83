package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.simulator.proxmox.PveClient.find;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.ScenarioTimeline;

/** A looping timeline re-applies its steps every period. */
class ScenarioLoopTest {

    private static final String LOOP = """
            loop: 10s
            timeline:
              - { at: 6s, site: alpha, action: node-online, node: n3 }
              - { at: 2s, site: alpha, action: node-offline, node: n3 }
            """;

    @Test
    void timelineYieldsOccurrencesPerIteration() {
        Scenario scenario = TestSites.scenario(LOOP);
        ScenarioTimeline timeline = new ScenarioTimeline(scenario, T0);
        assertThat(timeline.due(T0.plusSeconds(1))).isEmpty();
        List<ScenarioTimeline.Occurrence> due = timeline.due(T0.plusSeconds(23));
        assertThat(due).extracting(o -> o.step().index()).containsExactly(1, 0, 1, 0, 1);
        assertThat(due).extracting(ScenarioTimeline.Occurrence::iteration).containsExactly(0L, 0L, 1L, 1L, 2L);
        assertThat(due.get(4).time()).isEqualTo(T0.plusSeconds(22));
        assertThat(timeline.due(T0.plusSeconds(23))).isEmpty();
    }

    @Test
    void withoutLoopStepsApplyOnce() {
        ScenarioTimeline timeline = new ScenarioTimeline(TestSites.scenario(LOOP.replace("loop: 10s", "")), T0);
        assertThat(timeline.due(T0.plusSeconds(100))).hasSize(2);
        assertThat(timeline.due(T0.plusSeconds(1000))).isEmpty();
    }

    @Test
    void nodeGoesOfflineInEveryPeriod() {
        ManualClock clock = new ManualClock(T0);
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(LOOP), clock)) {
            PveClient client = new PveClient(sim);
            for (long second : new long[] {3, 7, 13, 17, 23, 27, 33}) {
                clock.set(T0.plusSeconds(second));
                boolean expectOnline = second % 10 >= 6;
                assertThat(find(client.data("alpha", "/cluster/status"), "id", "node/n3").get("online").asInt())
                        .as("n3 at %ss", second).isEqualTo(expectOnline ? 1 : 0);
            }
            clock.advance(Duration.ofSeconds(100));
            assertThat(find(client.data("alpha", "/cluster/status"), "id", "node/n3").get("online").asInt())
                    .as("after a large jump (133 s)").isZero();
        }
    }
}
