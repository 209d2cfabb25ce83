package org.sitewatch.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IndexKeysTest {

    @Test
    void paddedMillisIsTheSameAsTheFormatterItReplaces() {
        for (long millis : List.of(0L, 7L, 1_000L, 1_733_356_800_123L, 999_999_999_999_999_999L, Long.MAX_VALUE)) {
            assertThat(IndexKeys.paddedMillis(millis)).isEqualTo(String.format("%019d", millis));
        }
    }

    @Test
    void paddedKeysSortAsTheirTimes() {
        List<Long> times = List.of(5L, 1_733_356_800_000L, 40L, 1_733_356_800_001L, 0L);
        List<String> byString = times.stream().map(IndexKeys::paddedMillis).sorted().toList();
        List<String> byNumber = times.stream().sorted().map(IndexKeys::paddedMillis).toList();
        assertThat(byString).isEqualTo(byNumber);
    }

    @Test
    void aNegativeTimeHasNoKey() {
        assertThatThrownBy(() -> IndexKeys.paddedMillis(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void keysBeforeTheEpochSortFirst() {
        String early = IndexKeys.of("paris", IndexKeys.RECOVERY, Instant.ofEpochMilli(-5), "vm/1");
        String later = IndexKeys.of("paris", IndexKeys.RECOVERY, Instant.ofEpochMilli(3), "vm/1");
        assertThat(Stream.of(later, early).sorted().toList()).containsExactly(early, later);
        assertThat(IndexKeys.instantOf(early, "paris", IndexKeys.RECOVERY)).isEqualTo(Instant.EPOCH);
    }
}
