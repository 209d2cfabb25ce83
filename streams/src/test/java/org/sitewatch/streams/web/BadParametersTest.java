package org.sitewatch.streams.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sitewatch.streams.support.ViewsTestApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every query parameter of the views API with bad input (unknown enum words and sort keys, malformed,
 * negative and huge numbers, bad instants and booleans): a 400 problem that names the parameter and
 * what it accepts, never a 500. The same application as {@link ViewsApiTest}, so the context is shared.
 */
@SpringBootTest(classes = ViewsTestApp.class, properties = "sitewatch.views.metrics-refresh-interval=1h")
@AutoConfigureMockMvc
class BadParametersTest {

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("/api/sites?asOf=yesterday", "parameter 'asOf': 'yesterday' is not accepted; give an ISO-8601 instant"),
                Arguments.of("/api/sites?asOf=-99999999999999999999d", "parameter 'asOf'"),
                Arguments.of("/api/sites?local=maybe", "parameter 'local': 'maybe' is not accepted; give true or false"),
                Arguments.of("/api/sites/paris-dc1?asOf=2026-13-01T00:00:00Z", "parameter 'asOf'"),
                Arguments.of("/api/sites/paris-dc1/vms?power=ON", "parameter 'power': 'ON' is not accepted; give one of RUNNING"),
                Arguments.of("/api/sites/paris-dc1/vms?protection=maybe", "parameter 'protection': 'maybe' is not accepted; give one of"),
                Arguments.of("/api/sites/paris-dc1/vms?offset=-1", "offset must not be negative but was -1"),
                Arguments.of("/api/sites/paris-dc1/vms?offset=99999999999999999999", "parameter 'offset': '99999999999999999999' is not accepted; give a whole number from 0 to 10000"),
                Arguments.of("/api/sites/paris-dc1/vms?offset=9990&limit=100", "offset + limit must not exceed 10000"),
                Arguments.of("/api/sites/paris-dc1/vms?limit=0", "limit must be between 1 and 1000 but was 0"),
                Arguments.of("/api/sites/paris-dc1/vms?limit=-2147483648", "limit must be between 1 and 1000"),
                Arguments.of("/api/sites/paris-dc1/vms?limit=2147483648", "parameter 'limit': '2147483648' is not accepted; give a whole number from 1 to 1000"),
                Arguments.of("/api/sites/paris-dc1/vms?limit=1e3", "parameter 'limit': '1e3'"),
                Arguments.of("/api/replication/items?state=BROKEN", "parameter 'state': 'BROKEN' is not accepted; give one of"),
                Arguments.of("/api/replication/items?health=meh", "parameter 'health': 'meh' is not accepted; give one of"),
                Arguments.of("/api/replication/items?outsideRpo=perhaps", "parameter 'outsideRpo': 'perhaps' is not accepted; give true or false"),
                Arguments.of("/api/replication/items?sort=NAME", "parameter 'sort': 'NAME' is not accepted; give one of LAG, ID"),
                Arguments.of("/api/replication/items?limit=5000", "limit must be between 1 and 1000 but was 5000"),
                Arguments.of("/api/replication/items?offset=abc", "parameter 'offset': 'abc' is not accepted; give a whole number"),
                Arguments.of("/api/ha/hosts?state=DOWN", "parameter 'state': 'DOWN' is not accepted; give one of"),
                Arguments.of("/api/ha/hosts?limit=-5", "limit must be between 1 and 1000 but was -5"),
                Arguments.of("/api/ha/clusters?offset=1.5", "parameter 'offset': '1.5' is not accepted"),
                Arguments.of("/api/ha/clusters?asOf=now", "parameter 'asOf': 'now' is not accepted"),
                Arguments.of("/api/collectors?limit=99999999999999999999", "parameter 'limit'"),
                Arguments.of("/api/collectors?local=2", "parameter 'local'"),
                Arguments.of("/api/site-pairs?asOf=2026-11-27T25:00:00Z", "parameter 'asOf'"),
                Arguments.of("/api/site-pairs/paris-dc1/london-dr?local=perhaps", "parameter 'local'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void shouldAnswer400NamingTheParameterAndWhatItAccepts(String uri, String expected) throws Exception {
        mvc.perform(get(URI.create(uri)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.detail").value(containsString(expected)));
    }
}
