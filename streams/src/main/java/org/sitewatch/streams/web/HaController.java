package org.sitewatch.streams.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.sitewatch.events.HaHostState;
import org.sitewatch.core.view.EntityQueries.HostQuery;
import org.sitewatch.streams.query.EntityQueryService;
import org.sitewatch.core.view.EntityViews.HaClusterView;
import org.sitewatch.core.view.EntityViews.HaHostView;
import org.sitewatch.core.view.Page;
import org.sitewatch.core.view.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only HA clusters and hosts, paged. */
@RestController
@RequestMapping(path = "/api/ha", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "ha", description = "HA clusters (failover capacity, quorum) and hosts")
public class HaController {

    private final EntityQueryService entities;

    public HaController(EntityQueryService entities) {
        this.entities = entities;
    }

    @GetMapping("/clusters")
    @Operation(summary = "HA clusters with failover capacity and quorum, by site and id, paged")
    public Page<HaClusterView> clusters(@RequestParam(required = false) String site,
                                        @RequestParam(defaultValue = "0") int offset,
                                        @RequestParam(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                                        @Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                                        @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return entities.clusters(site, new PageRequest(offset, limit), local, asOf);
    }

    @GetMapping("/hosts")
    @Operation(summary = "HA hosts and their state, by site, cluster and id, paged")
    public Page<HaHostView> hosts(@RequestParam(required = false) String site,
                                  @RequestParam(required = false) String cluster,
                                  @RequestParam(required = false) HaHostState state,
                                  @RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                                  @Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                                  @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return entities.hosts(new HostQuery(site, cluster, state), new PageRequest(offset, limit), local, asOf);
    }
}
