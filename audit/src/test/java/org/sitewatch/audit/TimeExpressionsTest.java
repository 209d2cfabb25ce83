package org.sitewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeExpressionsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void shouldReadRelativeTimesAgainstOneNow() {
        assertThat(TimeExpressions.parse("-7d", NOW, "--from")).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(TimeExpressions.parse("-12h", NOW, "--from")).isEqualTo(NOW.minus(Duration.ofHours(12)));
        assertThat(TimeExpressions.parse("-30m", NOW, "--from")).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(TimeExpressions.parse("-2w", NOW, "--from")).isEqualTo(NOW.minus(Duration.ofDays(14)));
        assertThat(TimeExpressions.parse("now", NOW, "--to")).isEqualTo(NOW);
    }

    @Test
    void shouldReadInstantsOffsetsLocalTimesAsUtcAndDatesAsTheirStart() {
        assertThat(TimeExpressions.parse("2026-11-27T03:00:00Z", NOW, "--at")).isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
        assertThat(TimeExpressions.parse("2026-11-27T04:00:00+01:00", NOW, "--at")).isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
        assertThat(TimeExpressions.parse("2026-11-27T03:00", NOW, "--at")).isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
        assertThat(TimeExpressions.parse("2026-11-27", NOW, "--at")).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void shouldNameTheOptionAndTheAcceptedFormsOnBadInput() {
        assertThatThrownBy(() -> TimeExpressions.parse("yesterday", NOW, "--from"))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("--from 'yesterday' is not an instant")
                .hasMessageContaining("-7d")
                .satisfies(e -> assertThat(((AuditException) e).kind().exitCode()).isEqualTo(2));
    }

    @Test
    void shouldRefuseARangeThatDoesNotGoForward() {
        assertThatThrownBy(() -> TimeRange.parse("2026-11-28", "2026-11-27", NOW))
                .hasMessage("bad range: --from 2026-11-28T00:00:00Z is not before --to 2026-11-27T00:00:00Z");
        assertThatThrownBy(() -> TimeRange.parse("now", "now", NOW)).hasMessageContaining("is not before");
    }

    @Test
    void shouldBeHalfOpenSoConsecutiveRangesNeitherMissNorRepeat() {
        TimeRange day = TimeRange.parse("2026-11-27", "2026-11-28", NOW);
        assertThat(day.contains(Instant.parse("2026-11-27T00:00:00Z"))).isTrue();
        assertThat(day.contains(Instant.parse("2026-11-28T00:00:00Z"))).isFalse();
        assertThat(TimeRange.parse("-1d", null, NOW).to()).isEqualTo(NOW);
    }

    @Test
    void shouldParseAndFormatShortDurations() {
        assertThat(AuditDurations.parse("90s", "--x")).isEqualTo(Duration.ofSeconds(90));
        assertThat(AuditDurations.parseOrUnlimited("unlimited", "--x")).isNull();
        assertThat(AuditDurations.format(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(AuditDurations.format(null)).isEqualTo("unlimited");
        assertThatThrownBy(() -> AuditDurations.parse("soon", "--max-lateness")).hasMessageContaining("--max-lateness 'soon'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-99999999999999999999d", "-9999999999999999999s", "-999999999999999d", "-99999999999999w",
            "-999999d", "+1000000000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
    void shouldRefuseInstantsOutOfRangeAsBadInputNamingTheOption(String text) {
        assertThatThrownBy(() -> TimeExpressions.parse(text, NOW, "from"))
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.kind()).isEqualTo(AuditException.Kind.BAD_REQUEST))
                .hasMessageContaining("from '" + text + "'")
                .hasMessageContaining("1970-01-01T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"99999999999999999999d", "9223372036854775807d", "36501d", "9999999999999999h"})
    void shouldRefuseDurationsTooLongToAddToAnInstant(String text) {
        assertThatThrownBy(() -> AuditDurations.parse(text, "maxLateness"))
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.kind()).isEqualTo(AuditException.Kind.BAD_REQUEST))
                .hasMessage("maxLateness '" + text + "' is too long: at most 36500d");
        assertThat(AuditDurations.parse("36500d", "maxLateness")).isEqualTo(AuditDurations.MAX);
    }

    @Test
    void shouldNameTheEndsAsTheCallerCallsThem() {
        assertThatThrownBy(() -> TimeRange.parse("now", "-1h", NOW, "from", "to"))
                .hasMessage("bad range: from 2026-11-28T12:00:00Z is not before to 2026-11-28T11:00:00Z");
        assertThat(TimeRange.parse("-2d", "-1d", NOW, "from", "to").length()).isEqualTo(Duration.ofDays(1));
    }
}
