package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.NOW;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

class ProxmoxHaActionTrackerTest {

    private final ProxmoxHaActionTracker tracker = new ProxmoxHaActionTracker(ProxmoxFixtures.SITE);
    private Instant now = NOW;

    /** Every CRM service state of pve-ha-manager's {@code $valid_service_states}, entered from {@code started}. */
    @ParameterizedTest(name = "started -> {0}: {1}")
    @CsvSource(nullValues = "-", value = {
        "stopped,               -",
        "request_stop,          -",
        "request_start,         -",
        "request_start_balance, -",
        "started,               -",
        "fence,                 FENCE",
        "recovery,              RECOVERY",
        "migrate,               MIGRATE",
        "relocate,              MIGRATE",
        "freeze,                -",
        "error,                 ERROR",
        "teleporting,           -",
    })
    void shouldDeriveAnActionFromEnteringEachCrmState(String crmState, HaActionKind expected) throws CollectorException {
        poll(service("vm:100", "pve1", "started", "started"));

        List<HaAction> actions = poll(service("vm:100", "pve1", crmState, crmState));

        if (expected == null) {
            assertThat(actions).isEmpty();
        } else {
            assertThat(actions).singleElement().satisfies(a -> {
                assertThat(a.action()).isEqualTo(expected);
                assertThat(a.vmId()).isEqualTo("100");
                assertThat(a.vendorState()).isEqualTo(crmState);
                assertThat(a.fromHost()).isEqualTo("pve1");
                assertThat(a.actionId()).isEqualTo("vm:100@" + now.getEpochSecond() + ":" + crmState);
            });
        }
    }

    /** The verbose {@code state} words of {@code get_verbose_service_state}: kept as detail, never acted on. */
    @ParameterizedTest
    @ValueSource(strings = {"deleting", "ignored", "not found", "queued", "starting", "stopping", "disabled",
        "clearing error flag", "ignore", "fence", "started"})
    void shouldKeepTheVerboseStateAsDetailWithoutActingOnIt(String verbose) throws CollectorException {
        poll(service("vm:100", "pve1", "started", "started"));

        List<HaAction> actions = poll(service("vm:100", "pve1", "error", verbose));

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(HaActionKind.ERROR);
            assertThat(a.detail()).isEqualTo("state " + verbose + ", requested started");
        });
    }

    @Test
    void shouldReportFenceRecoveryAndTheRestartOnAnotherNode() throws CollectorException {
        poll(service("vm:100", "pve2", "started", "started"));
        HaAction fence = single(poll(service("vm:100", "pve2", "fence", "fence")));
        HaAction recovery = single(poll(service("vm:100", "pve2", "recovery", "recovery")));
        HaAction restart = single(poll(service("vm:100", "pve1", "started", "started")));

        assertThat(fence.action()).isEqualTo(HaActionKind.FENCE);
        assertThat(recovery.action()).isEqualTo(HaActionKind.RECOVERY);
        assertThat(restart).isEqualTo(new HaAction(ProxmoxFixtures.SITE, Platform.PROXMOX,
                "vm:100@" + now.getEpochSecond() + ":restart", "100", "paris", HaActionKind.RESTART, "pve2", "pve1",
                "started", "state started, requested started"));
    }

    @Test
    void shouldReportARestartWhenRecoverySkippedStraightToStarted() throws CollectorException {
        poll(service("ct:101", "pve2", "started", "started"));
        poll(service("ct:101", "pve2", "fence", "fence"));

        HaAction restart = single(poll(service("ct:101", "pve3", "started", "started")));

        assertThat(restart.action()).isEqualTo(HaActionKind.RESTART);
        assertThat(restart.fromHost()).isEqualTo("pve2");
        assertThat(restart.toHost()).isEqualTo("pve3");
        assertThat(restart.vmId()).isEqualTo("101");
    }

    @Test
    void shouldReportAMoveBetweenTwoPollsAsAMigration() throws CollectorException {
        poll(service("vm:100", "pve1", "started", "started"));

        HaAction moved = single(poll(service("vm:100", "pve2", "started", "started")));

        assertThat(moved.action()).isEqualTo(HaActionKind.MIGRATE);
        assertThat(moved.fromHost()).isEqualTo("pve1");
        assertThat(moved.toHost()).isEqualTo("pve2");
    }

    @Test
    void shouldReportNothingOnTheFirstPollOrWhileAStateLasts() throws CollectorException {
        assertThat(poll(service("vm:100", "pve1", "fence", "fence"))).isEmpty();
        assertThat(poll(service("vm:100", "pve1", "fence", "fence"))).isEmpty();
    }

    @Test
    void shouldIgnoreServicesWithoutSidOrCrmState() throws CollectorException {
        poll("{'type':'service','node':'pve1','crm_state':'started'}", "{'type':'service','sid':'vm:7','node':'pve1'}");

        assertThat(poll("{'type':'service','node':'pve1','crm_state':'fence'}",
                "{'type':'service','sid':'vm:7','node':'pve1','state':'fence'}")).isEmpty();
    }

    private List<HaAction> poll(String... entries) throws CollectorException {
        now = now.plusSeconds(15);
        Snapshot.Builder out = Snapshot.builder(now);
        String json = "{\"data\":[" + String.join(",", entries).replace('\'', '"') + "]}";
        tracker.track(PveJson.list(ProxmoxFixtures.envelope(json), "ha"), "paris", now, out);
        return out.build().actions();
    }

    private static String service(String sid, String node, String crmState, String verbose) {
        return "{'id':'service:" + sid + "','type':'service','sid':'" + sid + "','node':'" + node + "','crm_state':'"
                + crmState + "','state':'" + verbose + "','request_state':'started'}";
    }

    private static HaAction single(List<HaAction> actions) {
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }
}
