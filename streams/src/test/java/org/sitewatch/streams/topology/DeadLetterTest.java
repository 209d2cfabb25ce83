package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.replicating;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.support.TopologyFixture;

/** Poison pills go to the DLQ unchanged with reason headers, and the next good record is processed. */
class DeadLetterTest {

    @TempDir
    Path stateDir;

    private TopologyFixture fx;

    @BeforeEach
    void startDriver() {
        fx = new TopologyFixture(stateDir);
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    @Test
    void shouldDeadLetterRawInvalidBytesAndProcessTheNextRecord() {
        byte[] garbage = {0x00, (byte) 0xff, 0x13, 0x37};
        RecordHeaders headers = new RecordHeaders();
        headers.add("origin", "broken-producer".getBytes(StandardCharsets.UTF_8));

        fx.pipeRaw(Topics.REPLICATION.name(), PARIS + "/100-0", garbage, headers, T0);
        fx.pipe(replicating(PARIS, "100-0", 900, T0), T0);

        assertThat(fx.deadLetters.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = fx.deadLetters.history().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.DLQ.name());
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(PARIS + "/100-0");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead.headers(), "origin")).isEqualTo("broken-producer");
        assertThat(header(dead.headers(), DeadLetterHandler.REASON)).isEqualTo("NOT_A_CLOUDEVENT");
        assertThat(header(dead.headers(), DeadLetterHandler.MESSAGE)).isNotBlank();
        assertThat(header(dead.headers(), DeadLetterHandler.TOPIC)).isEqualTo(Topics.REPLICATION.name());
        assertThat(header(dead.headers(), DeadLetterHandler.PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHandler.OFFSET)).isEqualTo("0");
        assertThat(fx.entity(EntityKind.REPLICATION, PARIS + "/100-0")).isNotNull();
    }

    @Test
    void shouldDeadLetterAValidCloudEventWithInvalidDataAndProcessTheNextRecord() {
        SitewatchEvent good = event(replicating(PARIS, "100-0", 900, T0), T0);
        RecordHeaders ceHeaders = new RecordHeaders();
        Topics.REPLICATION.valueSerde().serializer().serialize(Topics.REPLICATION.name(), ceHeaders, good);
        byte[] invalidData = "{\"site\":\"paris-dc1\",\"platform\":\"proxmox\",\"itemId\":\"100-0\"}".getBytes(StandardCharsets.UTF_8);

        fx.pipeRaw(Topics.REPLICATION.name(), good.key(), invalidData, ceHeaders, T0);
        fx.pipe(good);

        assertThat(fx.deadLetters.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = fx.deadLetters.history().get(0);
        assertThat(dead.value()).isEqualTo(invalidData);
        assertThat(header(dead.headers(), "ce_id")).isEqualTo(good.id());
        assertThat(header(dead.headers(), DeadLetterHandler.REASON)).isEqualTo("INVALID_DATA");
        assertThat(header(dead.headers(), DeadLetterHandler.MESSAGE)).contains("state is missing");
        assertThat(fx.entity(EntityKind.REPLICATION, PARIS + "/100-0")).isNotNull();
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
