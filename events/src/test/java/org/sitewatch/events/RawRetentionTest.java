package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RawRetentionTest {

    @Test
    void shouldParseShortDurationsIsoAndUnlimited() {
        assertThat(RawRetention.parse("400d").duration()).isEqualTo(Duration.ofDays(400));
        assertThat(RawRetention.parse("36h").retentionMs()).isEqualTo(Long.toString(Duration.ofHours(36).toMillis()));
        assertThat(RawRetention.parse("P730D").toString()).isEqualTo("730d");
        assertThat(RawRetention.parse("unlimited").retentionMs()).isEqualTo("-1");
        assertThat(RawRetention.parse("-1")).isEqualTo(RawRetention.UNLIMITED);
        assertThat(RawRetention.ofRetentionMs(-1).unlimited()).isTrue();
        assertThat(RawRetention.DEFAULT.toString()).isEqualTo("400d");
    }

    @Test
    void shouldExplainWhatItAcceptsOnBadInput() {
        assertThatThrownBy(() -> RawRetention.parse("a year"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a year'").hasMessageContaining("unlimited").hasMessageContaining("400d");
        assertThatThrownBy(() -> RawRetention.parse("0d")).hasMessageContaining("positive");
    }

    @Test
    void shouldSetTheRetentionOfRawTopicsOnlyAndKeepTheirOtherConfigs() {
        var applied = RawRetention.UNLIMITED.apply(Topics.ALL);

        assertThat(applied).extracting(TopicSpec::name).containsExactlyElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
        for (TopicSpec<?, ?> t : applied) {
            TopicSpec<?, ?> original = Topics.ALL.stream().filter(o -> o.name().equals(t.name())).findFirst().orElseThrow();
            if (RawRetention.isRaw(t)) {
                assertThat(t.configs()).containsEntry("retention.ms", "-1")
                        .containsEntry("message.timestamp.type", "CreateTime")
                        .containsEntry("cleanup.policy", "delete");
                assertThat(t.valueSerde()).isSameAs(original.valueSerde());
            } else {
                assertThat(t).isSameAs(original);
            }
        }
    }
}
