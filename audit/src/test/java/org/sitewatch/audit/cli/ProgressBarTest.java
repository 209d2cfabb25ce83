package org.sitewatch.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void shouldShowRecordsPercentOfRangeRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), true, "replay");
        bar.started(1000);
        long startedAt = System.nanoTime();
        String line = bar.line(250, 240, startedAt + 1_000_000_000L);
        assertThat(line).startsWith("replay [#####---------------] 240 records   25% of range")
                .contains(" rec/s").contains("ETA 0:0");
    }

    @Test
    void shouldRedrawOneLineOnATerminalAndClearItAtTheEnd() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true), true, "replay");
        bar.started(10);
        bar.finished(10, 10);
        assertThat(err.toString()).doesNotContain("\n");
    }
}
