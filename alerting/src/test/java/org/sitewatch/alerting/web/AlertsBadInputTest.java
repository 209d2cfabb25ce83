package org.sitewatch.alerting.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every parameter of {@code GET /api/alerts} with bad input: a 400 problem naming it and the accepted words. */
@SpringBootTest(classes = ApiTestApp.class, properties = "sitewatch.alerting.enabled=false")
@AutoConfigureMockMvc
class AlertsBadInputTest {

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("/api/alerts?state=open", "state must be firing, resolved or all, not 'open'"),
                Arguments.of("/api/alerts?state=99999999999999999999", "state must be firing, resolved or all"),
                Arguments.of("/api/alerts?severity=urgent", "severity must be critical, warning, info, not 'urgent'"),
                Arguments.of("/api/alerts?severity=-1", "severity must be critical, warning, info"),
                Arguments.of("/api/alerts?severity=critical&state=firing,resolved", "state must be firing, resolved or all"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void shouldAnswer400NamingTheParameterAndWhatItAccepts(String uri, String expected) throws Exception {
        mvc.perform(get(URI.create(uri)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(expected)));
    }

    @Test
    void shouldTakeTheAcceptedWordsInAnyCase() throws Exception {
        mvc.perform(get("/api/alerts").param("severity", "CRITICAL").param("state", "Firing"))
                .andExpect(status().isOk());
    }
}
