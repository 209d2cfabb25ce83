package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "5s,PT5S", "2m,PT2M", "1h,PT1H", "1d,PT24H"})
    void shouldParseShortDurations(String text, String iso) {
        assertThat(DurationParser.parse(text, "--x")).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "s", "-5s", "5 s", "1.5s", "5sec"})
    void shouldRejectAnythingElseNamingTheOption(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text, "--poll-interval"))
                .hasMessageContaining("--poll-interval").hasMessageContaining("not a duration");
    }
}
