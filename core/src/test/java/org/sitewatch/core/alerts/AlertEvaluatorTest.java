package org.sitewatch.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.core.fold.HealthRules;

/** The rules as plain functions: no Kafka, explicit instants. */
class AlertEvaluatorTest {

    private static final Instant T0 = Instant.parse("2025-01-07T10:00:00Z");
    private final AlertEvaluator evaluator = new AlertEvaluator(AlertSettings.defaultSettings(), HealthRules.defaultRules());

    private static ReplicationStatus item(Instant lastRecoveryPoint) {
        return new ReplicationStatus("paris-dc1", Platform.PROXMOX, "102-0", "102", "db", "paris-dc1", "london-dr", null, null,
                "pvesr", ReplicationState.REPLICATING, ReplicationHealth.OK, null, 900L, lastRecoveryPoint, null, null, 0, null,
                false);
    }

    private Transition rpo(ReplicationStatus r, Instant now, AlertMemory memory) {
        return evaluator.entity(AlertRule.ReplicationRpoBreached, r, now, now, memory, true);
    }

    @Test
    void rpoBreachWaitsForTheGraceThenHoldsUntilTheLowerThreshold() {
        // Lag 950 s at T0: breach since T0 - 50 s, fires at T0 + 250 s.
        Transition pending = rpo(item(T0.minusSeconds(950)), T0, null);
        assertThat(pending.emitted()).isNull();
        assertThat(pending.memory().pendingSince()).isEqualTo(T0.minusSeconds(50));
        assertThat(pending.memory().dueAt()).isEqualTo(T0.plusSeconds(250));

        // A sync that leaves the lag above target (920 s) keeps the breach's start.
        Transition still = rpo(item(T0.plusSeconds(60).minusSeconds(920)), T0.plusSeconds(60), pending.memory());
        assertThat(still.memory().pendingSince()).isEqualTo(T0.minusSeconds(50));

        Transition fired = evaluator.entity(AlertRule.ReplicationRpoBreached, item(T0.plusSeconds(60).minusSeconds(920)),
                T0.plusSeconds(60), T0.plusSeconds(250), still.memory(), false);
        assertThat(fired.emitted().state()).isEqualTo(AlertState.FIRING);
        assertThat(fired.emitted().startsAt()).isEqualTo(T0.plusSeconds(250));

        // 800 s: below the target, above 0.8 x 900 = 720 s: still firing, nothing sent.
        Instant t1 = T0.plusSeconds(400);
        assertThat(rpo(item(t1.minusSeconds(800)), t1, fired.memory()).emitted()).isNull();
        // 700 s: resolved.
        Instant t2 = T0.plusSeconds(460);
        Transition resolved = rpo(item(t2.minusSeconds(700)), t2, fired.memory());
        assertThat(resolved.emitted().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.emitted().endsAt()).isEqualTo(t2);
        assertThat(resolved.memory().isEmpty()).isTrue();
    }

    @Test
    void aSyncBringingTheLagBelowTargetEndsAPendingBreach() {
        Transition pending = rpo(item(T0.minusSeconds(950)), T0, null);
        Instant t1 = T0.plusSeconds(60);
        Transition ok = rpo(item(t1.minusSeconds(850)), t1, pending.memory());
        assertThat(ok.emitted()).isNull();
        assertThat(ok.memory().pendingSince()).isNull();
        assertThat(ok.memory().dueAt()).isEqualTo(t1.minusSeconds(850).plusSeconds(900).plus(Duration.ofMinutes(5)));
    }

    @Test
    void aVmRestartFiresOnceAndResolvesAtTheEndOfTheHold() {
        HaAction restart = new HaAction("paris-dc1", Platform.PROXMOX, "a-1", "101", "paris", HaActionKind.RESTART, null, "pve1",
                "restart", null);
        Transition fired = evaluator.haAction(restart, "src#a-1", T0, T0, null);
        assertThat(fired.emitted().state()).isEqualTo(AlertState.FIRING);
        assertThat(fired.emitted().severity()).isEqualTo("info");
        assertThat(evaluator.haAction(restart, "src#a-1", T0, T0.plusSeconds(5), fired.memory())).isNull();
        assertThat(evaluator.vmRestartDue(fired.memory(), T0.plusSeconds(599))).isNull();
        Transition resolved = evaluator.vmRestartDue(fired.memory(), T0.plusSeconds(600));
        assertThat(resolved.emitted().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.emitted().endsAt()).isEqualTo(T0.plusSeconds(600));
    }
}
