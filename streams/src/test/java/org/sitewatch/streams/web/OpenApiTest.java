package org.sitewatch.streams.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.Json;
import org.sitewatch.streams.support.ViewsTestApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI description the app serves lists every views endpoint, without the internal parameters. */
@SpringBootTest(classes = ViewsTestApp.class, properties = "sitewatch.views.metrics-refresh-interval=1h")
@AutoConfigureMockMvc
class OpenApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void shouldDescribeEveryViewsEndpoint() throws Exception {
        byte[] body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode api = Json.MAPPER.readTree(body);

        Set<String> described = new HashSet<>();
        api.path("paths").fieldNames().forEachRemaining(described::add);
        Set<String> mapped = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals(SitesController.class.getPackageName())) {
                mapped.addAll(info.getPatternValues());
            }
        });

        assertThat(mapped).contains("/api/sites", "/api/sites/{site}", "/api/sites/{site}/vms", "/api/site-pairs",
                "/api/site-pairs/{source}/{target}", "/api/replication/items", "/api/ha/clusters", "/api/ha/hosts",
                "/api/collectors");
        assertThat(described).containsAll(mapped);
        assertThat(api.toString()).doesNotContain("\"name\":\"local\"").doesNotContain("\"name\":\"asOf\"");
        assertThat(api.path("paths").path("/api/replication/items").path("get").path("parameters").toString())
                .contains("outsideRpo", "source", "target", "sort");
    }
}
