package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopicsTest {

    @Test
    void shouldNameEveryTopicOnceUnderTheSitewatchPrefix() {
        Set<String> names = Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertThat(names).hasSize(Topics.ALL.size()).allMatch(n -> n.startsWith("sitewatch."));
    }

    @Test
    void shouldKeepRawEventsByTimeForAudits() {
        for (TopicSpec<?, ?> raw : Topics.RAW) {
            assertThat(raw.configs()).containsEntry("cleanup.policy", "delete")
                    .containsEntry("retention.ms", Long.toString(Topics.RAW_RETENTION.toMillis()));
            assertThat(raw.valueSerde()).isInstanceOf(CloudEventSerde.class);
        }
        assertThat(Topics.RAW_RETENTION.toDays()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void shouldCompactTheSiteHealthTopicAndRoundTripItsJson() {
        assertThat(Topics.ALL).contains(Topics.SITE_HEALTH);
        assertThat(Topics.SITE_HEALTH.configs()).containsEntry("cleanup.policy", "compact");
        SiteHealthView view = new SiteHealthView("paris-dc1", null, "DEGRADED", java.util.List.of("1 VM CRASHED"),
                java.time.Instant.parse("2025-01-07T10:00:00Z"), null, null, null, 1);

        byte[] json = Topics.SITE_HEALTH.valueSerde().serializer().serialize(Topics.SITE_HEALTH.name(), view);

        assertThat(Topics.SITE_HEALTH.valueSerde().deserializer().deserialize(Topics.SITE_HEALTH.name(), json))
                .isEqualTo(view);
        assertThat(Topics.SITE_HEALTH.valueSerde().serializer().serialize(Topics.SITE_HEALTH.name(), null)).isNull();
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("location");
    }

    @Test
    void shouldCarryTheSiteLocationOnTheSiteHealthTopic() {
        SiteHealthView view = new SiteHealthView("vmc-frankfurt", new SiteLocation("aws", "eu-central-1"), "OK",
                java.util.List.of(), java.time.Instant.parse("2025-01-07T10:00:00Z"), null, null, null, 0);

        byte[] json = Topics.SITE_HEALTH.valueSerde().serializer().serialize(Topics.SITE_HEALTH.name(), view);

        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"site\":\"vmc-frankfurt\",\"location\":{\"cloud\":\"aws\",\"region\":\"eu-central-1\"},");
        assertThat(Topics.SITE_HEALTH.valueSerde().deserializer().deserialize(Topics.SITE_HEALTH.name(), json))
                .isEqualTo(view);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldRouteEveryTypeToARawTopic(EventType type) {
        assertThat(Topics.RAW).contains(type.topic());
    }

    @Test
    void shouldCompactTheCollectorCheckpointsAndProvisionThemWithTheRest() {
        assertThat(Topics.ALL).contains(Topics.COLLECTOR_CHECKPOINTS);
        assertThat(Topics.COLLECTOR_CHECKPOINTS.configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void shouldCatalogueTheCompactedMaintenanceTopicSoTheLauncherProvisionsIt() {
        assertThat(Topics.ALL).contains(Topics.MAINTENANCE);
        assertThat(Topics.MAINTENANCE.name()).isEqualTo("sitewatch.maintenance");
        assertThat(Topics.MAINTENANCE.configs()).containsEntry("cleanup.policy", "compact");
    }
}
