package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.sitewatch.core.fold.EntityFold;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.PairDelta;
import org.sitewatch.core.fold.SiteDelta;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Json;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.UnreadableScope;
import org.sitewatch.testsupport.TestEvents;

class DeltaCodecTest {

    private final Serde<SiteDelta> sites = StoreSerdes.siteDelta();
    private final Serde<PairDelta> pairs = StoreSerdes.pairDelta();

    @Test
    void everyKindOfDeltaTheFoldMakesComesBackEqual() {
        List<SiteDelta> deltas = realDeltas();
        assertThat(deltas).hasSizeGreaterThan(10);
        for (SiteDelta delta : deltas) {
            byte[] bytes = sites.serializer().serialize("t", delta);
            assertThat(bytes[0]).isEqualTo(DeltaCodec.VERSION);
            assertThat(sites.deserializer().deserialize("t", bytes)).isEqualTo(delta);
            for (PairDelta pair : PairDelta.of(delta)) {
                assertThat(pairs.deserializer().deserialize("t", pairs.serializer().serialize("t", pair))).isEqualTo(pair);
            }
        }
    }

    @Test
    void theJsonOfAnEarlierVersionStillInARepartitionTopicIsRead() {
        for (SiteDelta delta : realDeltas()) {
            assertThat(sites.deserializer().deserialize("t", Json.bytes(delta))).isEqualTo(delta);
            for (PairDelta pair : PairDelta.of(delta)) {
                assertThat(pairs.deserializer().deserialize("t", Json.bytes(pair))).isEqualTo(pair);
            }
        }
    }

    @Test
    void aRecordOfTheFirstBinaryFormatWithoutLocationIsStillRead() {
        // Written by format 1 (before collectors had a location) for the partial heartbeat below.
        byte[] formatOne = HexFormat.of().parseHex("011470617269732d64633144636f6c6c6563746f722f70617269732d6463312f70617269"
                + "732d6463312d7076650000000000000214636f6c6c6563746f720200011c70617269732d6463312d7076651050524f584d4f585c"
                + "68747470733a2f2f707665312e70617269732d6463312e6578616d706c653a383030362f617069322f6a736f6e064f4b000001"
                + "c0ece7f70c0001c8ebe7f70c001e02486f72672e7369746577617463682e7265706c69636174696f6e2e7374617475732e7631"
                + "146e6f646520707665324c48545450203530302066726f6d202f6e6f6465732f707665322f7265706c69636174696f6e000000"
                + "0001c0ece7f70c00");
        CollectorHeartbeat partial = new CollectorHeartbeat(PARIS, Platform.PROXMOX, "paris-dc1-pve",
                "https://pve1.paris-dc1.example:8006/api2/json", CollectorStatus.OK, null, null, 42L, T0.minusSeconds(60),
                15, null, List.of(new UnreadableScope("org.sitewatch.replication.status.v1", "node pve2",
                        "HTTP 500 from /nodes/pve2/replication")));

        SiteDelta read = sites.deserializer().deserialize("t", formatOne);

        assertThat(read).isEqualTo(firstDelta(partial));
        assertThat(read.after().collector().location()).isNull();
        assertThat(read.after().collector().unreadable()).singleElement()
                .extracting(UnreadableScope::scope).isEqualTo("node pve2");
    }

    @Test
    void aCollectorsLocationComesBackInTheCurrentFormat() {
        CollectorHeartbeat sddc = new CollectorHeartbeat("vmc-frankfurt", Platform.VSPHERE, "vmc-frankfurt",
                "https://127.0.0.1:8443/vmc-frankfurt/sdk", CollectorStatus.OK, null, null, 42L, T0, 15, null, List.of(),
                new SiteLocation("aws", "eu-central-1"));
        SiteDelta delta = firstDelta(sddc);

        byte[] bytes = sites.serializer().serialize("t", delta);

        assertThat(bytes[0]).isEqualTo((byte) 2);
        assertThat(sites.deserializer().deserialize("t", bytes).after().collector().location())
                .isEqualTo(new SiteLocation("aws", "eu-central-1"));
        assertThat(sites.deserializer().deserialize("t", bytes)).isEqualTo(delta);
        SiteDelta onPremises = firstDelta(new CollectorHeartbeat(PARIS, Platform.PROXMOX, PARIS, "https://pve1.example:8006",
                CollectorStatus.OK, null, null, 42L, T0, 15, null, List.of(), new SiteLocation(null, "Paris DC1")));
        assertThat(sites.deserializer().deserialize("t", sites.serializer().serialize("t", onPremises))).isEqualTo(onPremises);
    }

    private static SiteDelta firstDelta(CollectorHeartbeat heartbeat) {
        return EntityFold.apply(null, TestEvents.event(heartbeat, T0), EventData.class, T0, HealthRules.defaultRules()).delta();
    }

    @Test
    void isSmallerThanTheJson() {
        for (SiteDelta delta : realDeltas()) {
            assertThat(sites.serializer().serialize("t", delta).length).isLessThan(Json.bytes(delta).length);
        }
    }

    @Test
    void anUnknownFormatIsRefusedWithItsFirstByte() {
        assertThatThrownBy(() -> sites.deserializer().deserialize("t", new byte[] {9, 1, 2}))
                .hasMessageContaining("first byte 9");
        assertThat(sites.deserializer().deserialize("t", null)).isNull();
    }

    /** Deltas as the live fold makes them: new entities, changes, problems, collectors, pairs, removals, an HA action. */
    private static List<SiteDelta> realDeltas() {
        HealthRules rules = HealthRules.defaultRules();
        List<SiteDelta> out = new ArrayList<>();
        List<List<EventData>> histories = List.of(
                List.of(TestEvents.vm(PARIS, "100", PowerState.RUNNING), TestEvents.vm(PARIS, "100", PowerState.STOPPED),
                        TestEvents.vmRemoved(PARIS, "100")),
                List.of(TestEvents.host(PARIS, "pve1", HaHostState.HEALTHY), TestEvents.host(PARIS, "pve1", HaHostState.FAILED)),
                List.of(TestEvents.cluster(PARIS, 1, true), TestEvents.cluster(PARIS, 0, false)),
                List.of(TestEvents.replicating(PARIS, "100-0", LONDON, 900, T0.minusSeconds(60)),
                        TestEvents.failed(PARIS, "100-0", LONDON, 900, T0.minusSeconds(60)),
                        TestEvents.replicated(PARIS, "100-0", PARIS, "frankfurt-dc2", ReplicationState.REPLICATING,
                                ReplicationHealth.OK, 900L, T0, T0.minusSeconds(3600)),
                        TestEvents.replicatedRemoved(PARIS, "100-0", PARIS, "frankfurt-dc2")),
                List.of(TestEvents.heartbeatOk(PARIS),
                        TestEvents.heartbeat(PARIS, CollectorStatus.ERROR, CollectorErrorKind.AUTH, "401 from pve1 \u00e9t\u00e9"),
                        TestEvents.failingHeartbeat(PARIS, 15)),
                List.of(new CollectorHeartbeat(PARIS, Platform.VSPHERE, "paris-vc", "https://vc.paris.example/sdk",
                        CollectorStatus.OK, null, null, 42L, T0, 15, null, List.of(), new SiteLocation("aws", "eu-west-3"))));
        for (List<EventData> history : histories) {
            EntityRecord<EventData> current = null;
            for (int i = 0; i < history.size(); i++) {
                SitewatchEvent event = TestEvents.event(history.get(i), T0.plusSeconds(i));
                var result = EntityFold.apply(current, event, EventData.class, T0.plusSeconds(i), rules);
                if (result.changed()) {
                    current = result.record();
                    if (result.delta() != null) {
                        out.add(result.delta());
                    }
                }
            }
        }
        out.add(EntityFold.actionDelta(TestEvents.event(TestEvents.action(PARIS, "ha-1", "100", HaActionKind.RECOVERY, "pve1", "pve2"), T0)));
        out.removeIf(Objects::isNull);
        return out;
    }
}
