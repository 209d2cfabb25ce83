package org.sitewatch.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.state.FiringAlertsSource;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

/**
 * Every parameter of {@code /api/audit/events} and {@code /api/audit/state} with bad input: a 400
 * problem naming the parameter (or the limit) and what is accepted, decided before Kafka is asked
 * (the Kafka address here answers nothing).
 */
class AuditApiBadInputTest {

    static final AuditProperties PROPERTIES = new AuditProperties(true, Duration.ofSeconds(1), 2, Duration.ofHours(1),
            1000, Duration.ofDays(7), Duration.ofMinutes(2), 1, DataSize.ofMegabytes(1), null);

    private static AuditService service;
    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        service = new AuditService(KafkaSettings.of("127.0.0.1:9"), PROPERTIES,
                new HealthConfig(HealthRules.defaultRules(), AggregateLimits.DEFAULTS), FiringAlertsSource.NOT_AVAILABLE);
        mvc = MockMvcBuilders.standaloneSetup(new AuditController(service))
                .setControllerAdvice(new AuditExceptionHandler()).build();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("/api/audit/events", "parameter 'from' is required: give an ISO-8601 instant"),
                Arguments.of("/api/audit/events?from=yesterday", "from 'yesterday' is not an instant: use an ISO-8601 instant"),
                Arguments.of("/api/audit/events?from=-99999999999999999999d", "from '-99999999999999999999d' is out of range"),
                Arguments.of("/api/audit/events?from=-999999999999999d", "from '-999999999999999d' is out of range"),
                Arguments.of("/api/audit/events?from=1900-01-01", "from '1900-01-01' is out of range: give an instant between 1970"),
                Arguments.of("/api/audit/events?from=-1h&to=%2B1000000000-01-01T00:00:00Z", "to '+1000000000-01-01T00:00:00Z' is out of range"),
                Arguments.of("/api/audit/events?from=-1h&to=soon", "to 'soon' is not an instant"),
                Arguments.of("/api/audit/events?from=-1h&to=-2h", "bad range: from "),
                Arguments.of("/api/audit/events?from=-8d", "longer than the 7d this API reads at once (sitewatch.audit.max-range)"),
                Arguments.of("/api/audit/events?from=2026-01-01&to=2026-02-01", "spans 31d, longer than the 7d"),
                Arguments.of("/api/audit/events?from=-1h&maxLateness=soon", "maxLateness 'soon' is not a duration such as 500ms"),
                Arguments.of("/api/audit/events?from=-1h&maxLateness=-5m", "maxLateness '-5m' is not a duration"),
                Arguments.of("/api/audit/events?from=-1h&maxLateness=99999999999999999999d", "maxLateness '99999999999999999999d' is too long"),
                Arguments.of("/api/audit/events?from=-1h&maxLateness=unlimited", "'unlimited' is for the command line"),
                Arguments.of("/api/audit/events?from=-1h&maxLateness=8d", "give at most 7d (sitewatch.audit.max-range)"),
                Arguments.of("/api/audit/events?from=-1h&platform=xen", "unknown platform 'xen': use one of"),
                Arguments.of("/api/audit/events?from=-1h&type=vm.power", "unknown event type 'vm.power': use one of"),
                Arguments.of("/api/audit/events?from=-1h&type=vm.state,,bogus", "unknown event type 'bogus'"),
                Arguments.of("/api/audit/state", "parameter 'at' is required: give an ISO-8601 instant"),
                Arguments.of("/api/audit/state?at=tomorrow", "at 'tomorrow' is not an instant"),
                Arguments.of("/api/audit/state?at=-99999999999999999999d", "at '-99999999999999999999d' is out of range"),
                Arguments.of("/api/audit/state?at=2026-13-45", "at '2026-13-45' is not an instant"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void shouldAnswer400NamingTheParameterAndWhatItAccepts(String uri, String expected) throws Exception {
        mvc.perform(get(URI.create(uri)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.kind").value("BAD_REQUEST"))
                .andExpect(jsonPath("$.detail").value(containsString(expected)));
        assertThat(service.running()).as("refused before taking a slot").isZero();
    }

    @Test
    void shouldAnswerALimitWithItsOwnStatus() {
        AuditExceptionHandler handler = new AuditExceptionHandler();
        assertThat(handler.failed(new AuditException(AuditException.Kind.INCOMPLETE, "deadline")).getStatusCode().value())
                .isEqualTo(503);
        assertThat(handler.failed(new AuditException(AuditException.Kind.SPILL_LIMIT, "disk")).getStatusCode().value())
                .isEqualTo(507);
        assertThat(handler.failed(new AuditException(AuditException.Kind.SPILL_LIMIT, "disk")).getBody().getTitle())
                .isEqualTo("Audit sort needs too much disk");
    }
}
