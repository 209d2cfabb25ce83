package org.sitewatch.streams.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.core.view.EntityQueries.ItemQuery;
import org.sitewatch.core.view.EntityQueries.ItemSort;
import org.sitewatch.streams.query.EntityQueryService;
import org.sitewatch.core.view.EntityViews.ReplicatedItemView;
import org.sitewatch.core.view.Page;
import org.sitewatch.core.view.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only list of replicated items (VMs or groups), filtered, sorted by lag, paged. */
@RestController
@RequestMapping(path = "/api/replication", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "replication", description = "Replicated items with their lag and RPO")
public class ReplicationController {

    private final EntityQueryService entities;

    public ReplicationController(EntityQueryService entities) {
        this.entities = entities;
    }

    @GetMapping("/items")
    @Operation(summary = "Replicated items, largest lag first (or by id), paged; filter by site, pair, state, health, outside RPO")
    public Page<ReplicatedItemView> items(
            @Parameter(description = "the site that reports the item (fast: reads only its keys)") @RequestParam(required = false) String site,
            @Parameter(description = "source site of the pair") @RequestParam(required = false) String source,
            @Parameter(description = "target site of the pair") @RequestParam(required = false) String target,
            @RequestParam(required = false) ReplicationState state,
            @RequestParam(required = false) ReplicationHealth health,
            @Parameter(description = "true: only items outside their RPO now; false: only the others") @RequestParam(required = false) Boolean outsideRpo,
            @RequestParam(defaultValue = "LAG") ItemSort sort,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
            @Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
            @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return entities.items(new ItemQuery(site, source, target, state, health, outsideRpo, sort),
                new PageRequest(offset, limit), local, asOf);
    }
}
