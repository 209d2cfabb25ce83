package org.sitewatch.streams.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.sitewatch.streams.query.PairQueryService;
import org.sitewatch.core.view.PairViews.PairList;
import org.sitewatch.core.view.PairViews.PairSummary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only site-pair views (replication from a source site to a target site) with DR readiness. */
@RestController
@RequestMapping(path = "/api/site-pairs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "site pairs", description = "Replication per source -> target site pair, and DR readiness")
public class PairsController {

    private final PairQueryService pairs;

    public PairsController(PairQueryService pairs) {
        this.pairs = pairs;
    }

    @GetMapping
    @Operation(summary = "Every site pair with item counts, worst and p95 lag, test failovers and DR readiness")
    public PairList pairs(@Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                          @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return pairs.pairs(local, asOf);
    }

    @GetMapping("/{source}/{target}")
    @Operation(summary = "One site pair (replication from source to target)")
    public PairSummary pair(@PathVariable String source, @PathVariable String target,
                            @Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                            @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return pairs.pair(source, target, local, asOf);
    }
}
