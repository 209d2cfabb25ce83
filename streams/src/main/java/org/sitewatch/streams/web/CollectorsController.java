package org.sitewatch.streams.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.sitewatch.streams.query.EntityQueryService;
import org.sitewatch.core.view.EntityViews.CollectorEntityView;
import org.sitewatch.core.view.Page;
import org.sitewatch.core.view.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only collector endpoints with their last heartbeat and freshness. */
@RestController
@RequestMapping(path = "/api/collectors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "collectors", description = "Collector endpoints: last heartbeat, errors, staleness")
public class CollectorsController {

    private final EntityQueryService entities;

    public CollectorsController(EntityQueryService entities) {
        this.entities = entities;
    }

    @GetMapping
    @Operation(summary = "Collector endpoints with their last heartbeat and whether they are stale, paged")
    public Page<CollectorEntityView> collectors(@RequestParam(required = false) String site,
                                                @RequestParam(defaultValue = "0") int offset,
                                                @RequestParam(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                                                @Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                                                @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return entities.collectors(site, new PageRequest(offset, limit), local, asOf);
    }
}
