package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void readsTheUtcFormExactlyAsTheJdkDoes() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = t.toString();
            assertThat(Rfc3339.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : new String[] {"2024-02-29T00:00:00Z", "2026-12-31T23:59:59.9Z", "2026-01-01T00:00:00.000000001Z"}) {
            assertThat(Rfc3339.parseUtc(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void leavesEveryOtherFormToTheGeneralParser() {
        for (String text : new String[] {"2026-12-04T10:15:30+02:00", "2026-12-04T10:15Z", "2026-02-29T10:15:30Z",
                "2026-04-31T10:15:30Z", "2026-12-04T24:00:00Z", "2026-12-04T10:15:30.Z", "2026-12-04T10:15:30.1234567890Z",
                "2026-13-04T10:15:30Z", "2026-12-04 10:15:30Z", "+12026-12-04T10:15:30Z", "x026-12-04T10:15:30Z"}) {
            assertThat(Rfc3339.parseUtc(text)).as(text).isNull();
        }
    }

    @Test
    void jsonReadsInstantsTheSameWhicheverWayTheyAreWritten() throws Exception {
        record Stamp(Instant at) {
        }
        assertThat(Json.read("{\"at\":\"2026-12-04T10:15:30.5Z\"}".getBytes(), Stamp.class).at())
                .isEqualTo(Instant.parse("2026-12-04T10:15:30.500Z"));
        assertThat(Json.read("{\"at\":\"2026-12-04T12:15:30+02:00\"}".getBytes(), Stamp.class).at())
                .isEqualTo(Instant.parse("2026-12-04T10:15:30Z"));
        assertThat(Json.read("{\"at\":1764843330.5}".getBytes(), Stamp.class).at())
                .isEqualTo(Instant.ofEpochSecond(1764843330L, 500_000_000));
        assertThat(Json.read("{\"at\":null}".getBytes(), Stamp.class).at()).isNull();
    }
}
