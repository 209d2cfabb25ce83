package org.sitewatch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.CloudEventSerde;
import org.sitewatch.events.EventType;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

class EstateLoadTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final EstateShape SHAPE = EstateShape.of(6, 40, 12).withHosts(5, 2);

    private static EstateLoad load(EstateShape shape) {
        return new EstateLoad(shape, EventClock.steady(T0, Duration.ofMillis(7)));
    }

    private static List<SitewatchEvent> take(Iterator<SitewatchEvent> events, int n) {
        List<SitewatchEvent> taken = new ArrayList<>();
        while (taken.size() < n && events.hasNext()) {
            taken.add(events.next());
        }
        return taken;
    }

    private static List<SitewatchEvent> inventoryThenChanges(EstateShape shape, int changes) {
        EstateLoad load = load(shape);
        List<SitewatchEvent> events = take(load.initialInventory(), Integer.MAX_VALUE);
        events.addAll(take(load.changeEvents(), changes));
        return events;
    }

    @Test
    void shouldReportEveryEntityOnceInTheInventoryAndOneHeartbeatPerSite() {
        List<SitewatchEvent> inventory = take(load(SHAPE).initialInventory(), Integer.MAX_VALUE);

        assertThat(inventory).hasSize(6 * (40 + 5 + 2 + 12) + 6);
        assertThat(SHAPE.inventorySize()).isEqualTo(inventory.size());
        Map<EventType, Long> byType = new EnumMap<>(EventType.class);
        inventory.forEach(e -> byType.merge(e.type(), 1L, Long::sum));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(EventType.VM_STATE, 6L * 40, EventType.HA_HOST, 6L * 5,
                EventType.HA_CLUSTER, 6L * 2, EventType.REPLICATION_STATUS, 6L * 12, EventType.COLLECTOR_HEARTBEAT, 6L));
        assertThat(inventory.stream().filter(e -> e.type() != EventType.COLLECTOR_HEARTBEAT).map(SitewatchEvent::key))
                .as("each entity once").doesNotHaveDuplicates();
    }

    @Test
    void shouldMakeEveryEventValidAgainstTheContractAndItsSchema() {
        CloudEventSerde serde = new CloudEventSerde();
        SchemaCheck schema = new SchemaCheck();
        Set<EventType> seen = new HashSet<>();
        for (SitewatchEvent event : inventoryThenChanges(SHAPE, 4_000)) {
            assertThat(EventValidator.problems(event.data())).as("%s", event).isEmpty();
            assertThat(schema.problems(event)).as("%s", event).isEmpty();
            String topic = event.type().topic().name();
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serde.serializer().serialize(topic, headers, event);
            // Reading back is what the streams app does: it checks the contract and the subject.
            assertThat(serde.deserializer().deserialize(topic, headers, value)).isEqualTo(event);
            assertThat(event.key()).isEqualTo(event.site() + "/" + event.data().entityId());
            assertThat(event.source()).isEqualTo(URI.create("/sitewatch/collectors/proxmox/" + event.site() + "-pve"));
            seen.add(event.type());
        }
        assertThat(seen).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void shouldReplicateEachSiteToItsPartnerAnotherSite() {
        List<ReplicationStatus> jobs = inventoryThenChanges(SHAPE, 5_000).stream()
                .filter(e -> e.type() == EventType.REPLICATION_STATUS).map(e -> e.dataAs(ReplicationStatus.class)).toList();

        assertThat(jobs).isNotEmpty().allSatisfy(job -> {
            assertThat(job.sourceSite()).isEqualTo(job.site());
            assertThat(job.targetSite()).isNotEqualTo(job.sourceSite()).startsWith("site-");
        });
        assertThat(jobs.stream().map(ReplicationStatus::targetSite).distinct()).hasSize(6);
        for (int sites = 2; sites <= 9; sites++) {
            EstateShape shape = EstateShape.of(sites, 2, 1);
            for (int i = 0; i < sites; i++) {
                assertThat(shape.partnerOf(i)).isNotEqualTo(i).isBetween(0, sites - 1);
            }
        }
    }

    @Test
    void shouldDrawChangesInTheProportionsOfTheMix() {
        EstateLoad load = load(EstateShape.benchmarkDefault());
        Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            Change change = load.nextChange();
            counts.merge(change.kind(), 1, Integer::sum);
        }

        for (ChangeKind kind : ChangeKind.values()) {
            assertThat(counts.getOrDefault(kind, 0) / (double) n).as("%s", kind)
                    .isCloseTo(ChangeMix.TYPICAL.share(kind), within(0.01));
        }
    }

    @Test
    void shouldReportEachChangeWithTheEventTypeOfItsKind() {
        EstateLoad load = load(SHAPE);
        for (int i = 0; i < 5_000; i++) {
            Change change = load.nextChange();
            EventType expected = switch (change.kind()) {
                case POWER, VM_REMOVAL -> EventType.VM_STATE;
                case LAG, REPLICATION_FAILURE -> EventType.REPLICATION_STATUS;
                case HOST_FAILURE -> EventType.HA_HOST;
                case HA_ACTION -> EventType.HA_ACTION;
                case HEARTBEAT -> EventType.COLLECTOR_HEARTBEAT;
            };
            assertThat(change.event().type()).as("%s", change).isEqualTo(expected);
        }
    }

    @Test
    void shouldKeepTheEstateMostlyHealthyOverALongRun() {
        EstateLoad load = load(SHAPE);
        Map<String, VmState> vms = new java.util.HashMap<>();
        take(load.initialInventory(), Integer.MAX_VALUE).stream().filter(e -> e.type() == EventType.VM_STATE)
                .forEach(e -> vms.put(e.key(), e.dataAs(VmState.class)));
        for (int i = 0; i < 20_000; i++) {
            SitewatchEvent e = load.nextChange().event();
            if (e.type() == EventType.VM_STATE) {
                vms.put(e.key(), e.dataAs(VmState.class));
            }
        }

        // At most 1 % of the removable VMs (at least one) per site are deleted at a time.
        assertThat(vms.values().stream().filter(VmState::removed).count()).isLessThanOrEqualTo(6);
    }

    @Test
    void shouldProduceTheSameEventsForTheSameSeedAndOthersForAnotherSeed() {
        List<SitewatchEvent> first = inventoryThenChanges(SHAPE, 3_000);
        List<SitewatchEvent> again = inventoryThenChanges(SHAPE, 3_000);
        List<SitewatchEvent> otherSeed = inventoryThenChanges(SHAPE.withSeed(7), 3_000);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void shouldStampEveryEventLaterThanTheOneBefore() {
        List<SitewatchEvent> events = take(new EstateLoad(SHAPE, EventClock.wall()).events(), 5_000);

        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).time()).isAfter(events.get(i - 1).time());
        }
        assertThat(events.stream().map(SitewatchEvent::id)).doesNotHaveDuplicates();
    }

    @Test
    void shouldLeaveOutChangesTheEstateCannotHave() {
        EstateLoad load = load(new EstateShape(1, 10, 2, 1, 0, 1, org.sitewatch.events.Platform.PROXMOX, ChangeMix.TYPICAL));

        assertThat(load.mix().lag()).isZero();
        assertThat(load.mix().replicationFailure()).isZero();
        for (int i = 0; i < 2_000; i++) {
            assertThat(load.nextChange().kind()).isNotIn(ChangeKind.LAG, ChangeKind.REPLICATION_FAILURE);
        }
    }

    @Test
    void shouldMeasureTheMeanRecordSizeOfARun() {
        double mean = RecordSize.meanOfRun(SHAPE, 10_000, 2_000);
        SitewatchEvent vm = take(load(SHAPE).initialInventory(), 20).get(19);
        RecordSize size = RecordSize.of(vm);

        assertThat(size.keyBytes()).isEqualTo(vm.key().length());
        assertThat(size.headerBytes()).isPositive();
        assertThat(size.total()).isEqualTo(size.keyBytes() + size.headerBytes() + size.valueBytes());
        assertThat(mean).isBetween(200.0, 2_000.0);
    }
}
