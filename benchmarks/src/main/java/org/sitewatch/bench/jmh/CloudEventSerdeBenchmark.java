package org.sitewatch.bench.jmh;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sitewatch.events.CloudEventSerde;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SitewatchEvent;

/**
 * The raw topics' serde ({@link CloudEventSerde}, CloudEvents binary mode: attributes in headers,
 * JSON data as the value) per event type: serialize into fresh headers as a producer does, and
 * deserialize (with the contract check) as the streams app does. The serialized size of each type
 * is printed once per trial ({@code [size] ...}).
 */
public class CloudEventSerdeBenchmark extends ShortRun {

    @Param({"vm.state", "replication.status", "ha.host", "collector.heartbeat"})
    public String type;

    private final Serializer<SitewatchEvent> serializer = new CloudEventSerde().serializer();
    private final Deserializer<SitewatchEvent> deserializer = new CloudEventSerde().deserializer();
    private SitewatchEvent event;
    private String topic;
    private Headers headers;
    private byte[] value;

    @Setup(Level.Trial)
    public void setUp() {
        event = SampleEvents.event(data(type), SampleEvents.T0);
        topic = event.type().topic().name();
        headers = new RecordHeaders();
        value = serializer.serialize(topic, headers, event);
        int headerBytes = 0;
        for (Header h : headers) {
            headerBytes += h.key().length() + h.value().length;
        }
        System.out.printf("[size] %s: value %d bytes, headers %d bytes, key %d bytes%n", type, value.length, headerBytes,
                event.key().length());
    }

    /** The realistic record of each type: a running HA VM, a healthy pvesr job, a healthy host, an OK heartbeat. */
    static EventData data(String type) {
        switch (type) {
            case "vm.state":
                return SampleEvents.vm(1024, PowerState.RUNNING);
            case "replication.status":
                return SampleEvents.replication(1024, ReplicationState.REPLICATING, ReplicationHealth.OK, SampleEvents.T0, 300);
            case "ha.host":
                return SampleEvents.host(3, HaHostState.HEALTHY);
            case "collector.heartbeat":
                return SampleEvents.heartbeat("paris-pve");
            default:
                throw new IllegalArgumentException("no sample of type " + type);
        }
    }

    @Benchmark
    public byte[] serialize() {
        return serializer.serialize(topic, new RecordHeaders(), event);
    }

    @Benchmark
    public SitewatchEvent deserialize() {
        return deserializer.deserialize(topic, headers, value);
    }
}
