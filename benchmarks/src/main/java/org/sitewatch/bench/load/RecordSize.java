package org.sitewatch.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;

/**
 * The bytes of an event's Kafka record as the collectors write it: key, CloudEvents headers
 * (binary mode: attributes travel as {@code ce_*} headers) and JSON value, serialized with the raw
 * topic's own serdes. Kafka's ProducerPerformance sends records of the same total size.
 */
public record RecordSize(int keyBytes, int headerBytes, int valueBytes) {

    public int total() {
        return keyBytes + headerBytes + valueBytes;
    }

    public static RecordSize of(SitewatchEvent event) {
        TopicSpec<String, SitewatchEvent> topic = event.type().topic();
        RecordHeaders headers = new RecordHeaders();
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), headers, event);
        int headerBytes = 0;
        for (Header h : headers) {
            headerBytes += h.key().getBytes(StandardCharsets.UTF_8).length + (h.value() == null ? 0 : h.value().length);
        }
        return new RecordSize(event.key().getBytes(StandardCharsets.UTF_8).length, headerBytes, value.length);
    }

    /**
     * The mean record size of a run of {@code events} events of {@code shape} (inventory first, then
     * changes), measured on a sample of up to {@code sample} inventory events and as many changes of
     * a separate load of the same shape, weighted by how many of each the run sends.
     */
    public static double meanOfRun(EstateShape shape, long events, int sample) {
        EstateLoad load = new EstateLoad(shape, EventClock.wall());
        long inventoryEvents = Math.min(events, shape.inventorySize());
        double inventoryMean = mean(load.initialInventory(), (int) Math.min(sample, Math.max(1, inventoryEvents)));
        if (inventoryEvents == events) {
            return inventoryMean;
        }
        double changeMean = mean(load.changeEvents(), sample);
        return (inventoryMean * inventoryEvents + changeMean * (events - inventoryEvents)) / events;
    }

    private static double mean(Iterator<SitewatchEvent> events, int count) {
        long bytes = 0;
        int n = 0;
        while (n < count && events.hasNext()) {
            bytes += of(events.next()).total();
            n++;
        }
        return n == 0 ? 0 : (double) bytes / n;
    }
}
