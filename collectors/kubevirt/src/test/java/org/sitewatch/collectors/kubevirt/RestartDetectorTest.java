package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;

class RestartDetectorTest {

    private static final Instant SEEN = Instant.parse("2025-01-07T10:05:00Z");
    private static final Function<String, Optional<String>> ALL_READY = node -> Optional.empty();
    private final RestartDetector detector = new RestartDetector(new Sites(VmStateMapperTest.ENDPOINT, "ocp-par"));

    private Optional<ObservedAction> see(GenericKubernetesResource vmi) {
        return detector.onVmi(vmi, ALL_READY, SEEN);
    }

    @Test
    void shouldReportAnEvictedVmiFollowedByANewOneOnAnotherNode() {
        assertThat(see(Kv.vmi("prod", "db01", "u1", "Running", "worker-1"))).isEmpty();
        detector.onVmiDeleted(Kv.vmi("prod", "db01", "u1", "Running", "worker-1"));
        assertThat(see(Kv.vmi("prod", "db01", "u2", "Pending", null))).as("not placed yet").isEmpty();

        GenericKubernetesResource placed = Kv.vmi("prod", "db01", "u2").set("status.phase", "Scheduled")
                .set("status.nodeName", "worker-9").created(Instant.parse("2025-01-07T10:04:10Z")).build();
        ObservedAction restart = detector.onVmi(placed, node -> Optional.of("Ready=Unknown (NodeStatusUnknown)"), SEEN)
                .orElseThrow();

        assertThat(restart.action()).extracting(HaAction::actionId, HaAction::vmId, HaAction::action, HaAction::fromHost,
                HaAction::toHost, HaAction::vendorState, HaAction::site)
                .containsExactly("restart/u2", "prod/db01", HaActionKind.RESTART, "worker-1", "worker-9", "Evicted", "london-dr");
        assertThat(restart.action().detail()).isEqualTo("VMI u1 was deleted while Running on worker-1; node worker-1 "
                + "NotReady: Ready=Unknown (NodeStatusUnknown); new VMI u2 on worker-9");
        assertThat(restart.at()).as("the new VMI's creation").isEqualTo(Instant.parse("2025-01-07T10:04:10Z"));
        assertThat(see(Kv.vmi("prod", "db01", "u2", "Running", "worker-9"))).as("reported once").isEmpty();
    }

    @Test
    void shouldReportAFailedVmiRestartedEvenOnTheSameNode() {
        see(Kv.vmi("prod", "db01", "u1", "Running", "worker-1"));
        see(Kv.vmi("prod", "db01", "u1").set("status.phase", "Failed").set("status.nodeName", "worker-1")
                .set("status.reason", "NodeUnresponsive").build());
        // The new VMI arrives before the old one's deletion.
        ObservedAction restart = see(Kv.vmi("prod", "db01", "u2", "Scheduled", "worker-1")).orElseThrow();
        detector.onVmiDeleted(Kv.vmi("prod", "db01", "u1", "Failed", "worker-1"));

        assertThat(restart.action()).extracting(HaAction::fromHost, HaAction::toHost, HaAction::vendorState, HaAction::detail)
                .containsExactly("worker-1", "worker-1", "Failed",
                        "VMI u1 failed on worker-1 (NodeUnresponsive); new VMI u2 on worker-1");
        assertThat(restart.at()).as("no creation time: when it was seen").isEqualTo(SEEN);
        assertThat(see(Kv.vmi("prod", "db01", "u2", "Running", "worker-1"))).isEmpty();
    }

    @Test
    void shouldNotTakeACleanStopOrARestartInPlaceOrAnUnplacedVmiForAnHaRestart() {
        see(Kv.vmi("prod", "a", "u1", "Succeeded", "worker-1"));
        detector.onVmiDeleted(Kv.vmi("prod", "a", "u1", "Succeeded", "worker-1"));
        assertThat(see(Kv.vmi("prod", "a", "u2", "Running", "worker-2"))).as("shut down cleanly, started again").isEmpty();

        see(Kv.vmi("prod", "b", "u3", "Running", "worker-1"));
        detector.onVmiDeleted(Kv.vmi("prod", "b", "u3", "Running", "worker-1"));
        assertThat(see(Kv.vmi("prod", "b", "u4", "Running", "worker-1"))).as("restarted where it was").isEmpty();

        see(Kv.vmi("prod", "c", "u5", "Pending", null));
        detector.onVmiDeleted(Kv.vmi("prod", "c", "u5", "Pending", null));
        assertThat(see(Kv.vmi("prod", "c", "u6", "Running", "worker-1"))).as("never ran anywhere").isEmpty();
    }

    @Test
    void shouldForgetAnEndedVmiWhenItsVmIsDeleted() {
        see(Kv.vmi("prod", "a", "u1", "Running", "worker-1"));
        detector.onVmiDeleted(Kv.vmi("prod", "a", "u1", "Running", "worker-1"));
        detector.onVmDeleted("prod/a");

        assertThat(see(Kv.vmi("prod", "a", "u2", "Running", "worker-2"))).as("a new VM of the same name").isEmpty();
    }
}
