package org.sitewatch.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.testsupport.TestEvents.FRANKFURT;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.at;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.TestKafka;

/**
 * The replay engine on a real broker. Each test works in its own day of event time, later than the
 * previous test's, so they share one broker without seeing each other's events (and, as in real
 * life, events arrive roughly in event-time order across tests).
 */
class ReplayIT {

    private static final Instant BASE = Instant.parse("2026-01-05T10:00:00Z");
    private static int windows;

    private static Instant nextWindow() {
        return BASE.plus(Duration.ofDays(windows++));
    }

    @TempDir
    static Path dataDir;

    private static TestKafka kafka;
    private static KafkaSource source;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(dataDir);
        source = KafkaSource.connect(KafkaSettings.of(kafka.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        source.close();
        kafka.close();
    }

    private static List<AuditRecord> replay(Instant from, Instant to, EventFilter filter) {
        try (ReplayResult r = new Replayer(source).replay(new ReplayRequest(new TimeRange(from, to), filter,
                ReplayRequest.DEFAULT_MAX_LATENESS, false), ProgressListener.NONE)) {
            List<AuditRecord> out = new ArrayList<>();
            r.records().forEachRemaining(out::add);
            return out;
        }
    }

    private static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(r -> r.event().id()).toList();
    }

    @Test
    void shouldPutLateAndOutOfOrderEventsInEventTimeOrderAndFindThoseThatArrivedAfterTheRangeEnd() {
        Instant t = nextWindow();
        SitewatchEvent running = at(t.plusSeconds(10), TestEvents.vm(PARIS, "100", PowerState.RUNNING));
        SitewatchEvent stopped = at(t.plusSeconds(30), TestEvents.vm(PARIS, "100", PowerState.STOPPED));
        SitewatchEvent pausedLate = at(t.plusSeconds(20), TestEvents.vm(PARIS, "100", PowerState.PAUSED));
        SitewatchEvent afterRange = at(t.plusSeconds(70), TestEvents.vm(PARIS, "100", PowerState.RUNNING));
        SitewatchEvent inRangeAfterThat = at(t.plusSeconds(40), TestEvents.vm(PARIS, "100", PowerState.CRASHED));
        SitewatchEvent otherPartitionEarliest = at(t.plusSeconds(5), TestEvents.host(PARIS, "pve2", HaHostState.FAILED));
        // Arrival order differs from event-time order, within one partition (vm 100) and across partitions.
        kafka.publish(running, stopped, pausedLate, afterRange, inRangeAfterThat, otherPartitionEarliest);

        try (ReplayResult r = new Replayer(source).replay(ReplayRequest.of(new TimeRange(t, t.plusSeconds(60)),
                EventFilter.none()), ProgressListener.NONE)) {
            List<AuditRecord> records = new ArrayList<>();
            r.records().forEachRemaining(records::add);

            assertThat(ids(records)).containsExactly(otherPartitionEarliest.id(), running.id(), pausedLate.id(),
                    stopped.id(), inRangeAfterThat.id());
            assertThat(r.late()).as("paused and crashed sat after newer events of their partition").isEqualTo(2);
            assertThat(r.matched()).isEqualTo(5);
        }
    }

    @Test
    void shouldReturnNothingForARangeWithoutEventsEvenForAKnownSite() {
        Instant t = nextWindow();
        kafka.publish(at(t, TestEvents.heartbeat(LONDON, 15)));

        assertThat(replay(t.plusSeconds(3600), t.plusSeconds(7200), EventFilter.none())).isEmpty();
        assertThat(replay(t.plusSeconds(3600), t.plusSeconds(7200), EventFilter.of(List.of(LONDON), null, null, null, null, null)))
                .isEmpty();
    }

    @Test
    void shouldApplyEachFilter() {
        Instant t = nextWindow();
        SitewatchEvent vm = at(t.plusSeconds(1), TestEvents.vm(FRANKFURT, "200", PowerState.RUNNING));
        SitewatchEvent toLondon = at(t.plusSeconds(2), TestEvents.replicating(FRANKFURT, "200-0", LONDON, 900, t));
        SitewatchEvent local = at(t.plusSeconds(3), TestEvents.replicating(FRANKFURT, "201-0", FRANKFURT, 900, t));
        SitewatchEvent action = at(t.plusSeconds(4), TestEvents.action(FRANKFURT, "act-1", "200", HaActionKind.RESTART, "n1", "n2"));
        SitewatchEvent host = at(t.plusSeconds(5), TestEvents.host(FRANKFURT, "n1", HaHostState.FAILED));
        SitewatchEvent beat = at(t.plusSeconds(6), TestEvents.heartbeat(FRANKFURT, 15));
        kafka.publish(vm, toLondon, local, action, host, beat);
        Instant from = t;
        Instant to = t.plusSeconds(60);

        assertThat(ids(replay(from, to, EventFilter.of(List.of(LONDON), null, null, null, null, null))))
                .containsExactly(toLondon.id());
        assertThat(ids(replay(from, to, EventFilter.of(List.of(FRANKFURT), List.of(LONDON), null, null, null, null))))
                .containsExactly(toLondon.id());
        assertThat(ids(replay(from, to, EventFilter.of(List.of(FRANKFURT), null, List.of("proxmox"), null, null, null))))
                .containsExactly(vm.id(), toLondon.id(), local.id(), action.id(), host.id(), beat.id());
        assertThat(replay(from, to, EventFilter.of(List.of(FRANKFURT), null, List.of("vsphere"), null, null, null))).isEmpty();
        assertThat(ids(replay(from, to, EventFilter.of(List.of(FRANKFURT), null, null, List.of("200"), null, null))))
                .containsExactly(vm.id(), toLondon.id(), action.id());
        assertThat(ids(replay(from, to, EventFilter.of(null, null, null, null, List.of("ha-host/frankfurt-dc2/n1"), null))))
                .containsExactly(host.id());
        assertThat(ids(replay(from, to, EventFilter.of(List.of(FRANKFURT), null, null, null, null,
                List.of("ha.action", "collector.heartbeat"))))).containsExactly(action.id(), beat.id());
    }

    @Test
    void shouldRefuseAnUnknownSiteAndListTheKnownOnes() {
        Instant t = nextWindow();
        kafka.publish(at(t, TestEvents.heartbeat(PARIS, 15)), at(t, TestEvents.heartbeat(LONDON, 15)));

        assertThatThrownBy(() -> replay(t, t.plusSeconds(60), EventFilter.of(List.of("pariss-dc1"), null, null, null, null, null)))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("unknown site 'pariss-dc1'")
                .hasMessageContaining("Known sites: ")
                .hasMessageContaining(PARIS).hasMessageContaining(LONDON)
                .satisfies(e -> assertThat(((AuditException) e).kind()).isEqualTo(AuditException.Kind.UNKNOWN_SITE));
    }

    @Test
    void shouldCountAndSkipRecordsThatAreNotSitewatchEvents() throws Exception {
        Instant t = nextWindow();
        SitewatchEvent good = at(t.plusSeconds(2), TestEvents.vm(PARIS, "300", PowerState.RUNNING));
        kafka.publishGarbage(Topics.VM.name(), "paris-dc1/300", t.plusSeconds(1).toEpochMilli());
        kafka.publish(good);

        try (ReplayResult r = new Replayer(source).replay(ReplayRequest.of(new TimeRange(t, t.plusSeconds(60)),
                EventFilter.none()), ProgressListener.NONE)) {
            List<AuditRecord> records = new ArrayList<>();
            r.records().forEachRemaining(records::add);
            assertThat(ids(records)).containsExactly(good.id());
            assertThat(r.undecodable().count()).isEqualTo(1);
            assertThat(r.undecodable().samples().get(0).reason()).startsWith("NOT_A_CLOUDEVENT");
        }
    }

    @Test
    void shouldReadPastTheRangeOnlyAsFarAsTheLatenessAllows() {
        Instant t = nextWindow();
        SitewatchEvent inRange = at(t.plusSeconds(10), TestEvents.vm(LONDON, "400", PowerState.RUNNING));
        SitewatchEvent muchLater = at(t.plusSeconds(7200), TestEvents.vm(LONDON, "400", PowerState.STOPPED));
        SitewatchEvent veryLate = at(t.plusSeconds(20), TestEvents.vm(LONDON, "400", PowerState.PAUSED));
        kafka.publish(inRange, muchLater, veryLate);
        TimeRange range = new TimeRange(t, t.plusSeconds(60));

        try (ReplayResult bounded = new Replayer(source).replay(new ReplayRequest(range, EventFilter.none(),
                Duration.ofMinutes(10), false), ProgressListener.NONE)) {
            assertThat(bounded.matched()).as("arrived two hours late: beyond a 10 minute allowance").isEqualTo(1);
        }
        try (ReplayResult unlimited = new Replayer(source).replay(new ReplayRequest(range, EventFilter.none(), null, false),
                ProgressListener.NONE)) {
            assertThat(unlimited.matched()).isEqualTo(2);
        }
    }
}
