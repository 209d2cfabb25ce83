package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CheckpointStore;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

class ActionLedgerTest {

    private static final Instant FIRST_START = Instant.parse("2025-01-07T10:00:00Z");
    private final CheckpointStore store = CheckpointStore.inMemory();

    private static ObservedAction action(String id, Instant at) {
        return new ObservedAction(new HaAction("paris-dc1", Platform.KUBEVIRT, id, "prod/db01", "ocp-par",
                HaActionKind.MIGRATE, "worker-1", "worker-2", "Succeeded", null), at);
    }

    @Test
    void shouldTakeWhatHappenedBeforeTheFirstStartAsHistory() {
        ActionLedger ledger = ActionLedger.load(store, FIRST_START);

        assertThat(ledger.isNew(action("migration/old", FIRST_START.minusSeconds(60)))).isFalse();
        assertThat(ledger.isNew(action("migration/new", FIRST_START.plusSeconds(1)))).isTrue();
    }

    @Test
    void shouldTakeAnObjectStampedInTheFirstStartsOwnSecondAsNews() {
        // Kubernetes stamps to the second: a VMI made 300 ms after a start at .700 carries the start's whole second.
        ActionLedger ledger = ActionLedger.load(store, FIRST_START.plusMillis(700));

        assertThat(ledger.isNew(action("restart/just-after-start", FIRST_START))).isTrue();
        assertThat(ledger.isNew(action("migration/a-second-before", FIRST_START.minusSeconds(1)))).isFalse();
    }

    @Test
    void shouldRememberPublishedActionsAcrossARestart() {
        ActionLedger ledger = ActionLedger.load(store, FIRST_START);
        ObservedAction done = action("migration/m1", FIRST_START.plusSeconds(5));
        ledger.published(done);
        assertThat(ledger.isNew(done)).isFalse();

        ActionLedger restarted = ActionLedger.load(store, FIRST_START.plusSeconds(3600));

        assertThat(restarted.isNew(done)).as("published before the restart").isFalse();
        assertThat(restarted.isNew(action("migration/m2", FIRST_START.plusSeconds(10))))
                .as("finished while the collector was down").isTrue();
        assertThat(restarted.horizon()).as("the first start stays the horizon").isEqualTo(ActionLedger.horizonOfAFirstStart(FIRST_START));
    }

    @Test
    void shouldMoveTheHorizonWhenItForgetsTheOldestId() {
        ActionLedger ledger = ActionLedger.load(store, FIRST_START, 2);
        ObservedAction first = action("restart/a", FIRST_START.plusSeconds(10));
        ledger.published(first);
        ledger.published(action("restart/b", FIRST_START.plusSeconds(20)));
        ledger.published(action("restart/c", FIRST_START.plusSeconds(30)));

        ActionLedger restarted = ActionLedger.load(store, Instant.MAX, 2);

        assertThat(restarted.horizon()).isEqualTo(FIRST_START.plusSeconds(10));
        assertThat(restarted.isNew(first)).as("forgotten but not after the horizon").isFalse();
        assertThat(restarted.isNew(action("restart/b", FIRST_START.plusSeconds(20)))).isFalse();
        assertThat(restarted.isNew(action("restart/d", FIRST_START.plusSeconds(15)))).isTrue();
    }

    @Test
    void shouldStartAfreshFromAnUnreadableCheckpoint() {
        store.put(ActionLedger.CHECKPOINT_KEY, "garbage");

        ActionLedger ledger = ActionLedger.load(store, FIRST_START);

        assertThat(ledger.horizon()).isEqualTo(ActionLedger.horizonOfAFirstStart(FIRST_START));
        assertThat(store.get(ActionLedger.CHECKPOINT_KEY)).hasValueSatisfying(v -> assertThat(v).startsWith("v1 "));
    }
}
