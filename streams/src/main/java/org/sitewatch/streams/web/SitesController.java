package org.sitewatch.streams.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.sitewatch.events.PowerState;
import org.sitewatch.core.view.EntityQueries.Protection;
import org.sitewatch.core.view.EntityQueries.VmQuery;
import org.sitewatch.streams.query.EntityQueryService;
import org.sitewatch.core.view.EntityViews.VmView;
import org.sitewatch.core.view.Page;
import org.sitewatch.core.view.PageRequest;
import org.sitewatch.streams.query.SiteQueryService;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteList;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only site views as JSON. Any instance answers: it forwards to the owner of the site or gathers
 * from every instance. {@code local} and {@code asOf} are internal (instances asking each other for
 * their part) and hidden from the OpenAPI description. Errors are shaped by {@link ApiExceptionHandler}.
 */
@RestController
@RequestMapping(path = "/api/sites", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sites", description = "Health of every site: verdict, reasons, counts, collectors")
public class SitesController {

    private final SiteQueryService sites;
    private final EntityQueryService entities;

    public SitesController(SiteQueryService sites, EntityQueryService entities) {
        this.sites = sites;
        this.entities = entities;
    }

    @GetMapping
    @Operation(summary = "Every site with its health, reasons and counts")
    public SiteList sites(@Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                          @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return sites.sites(local, asOf);
    }

    @GetMapping("/{site}")
    @Operation(summary = "One site, with its problem list and recent HA actions")
    public SiteDetail site(@PathVariable String site,
                           @Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                           @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return sites.site(site, local, asOf);
    }

    @GetMapping("/{site}/vms")
    @Operation(summary = "The VMs of a site, by power state and HA protection, ordered by VM id, paged")
    public Page<VmView> vms(@PathVariable String site,
                            @Parameter(description = "only VMs in this power state") @RequestParam(required = false) PowerState power,
                            @Parameter(description = "only VMs with this HA protection") @RequestParam(required = false) Protection protection,
                            @RequestParam(defaultValue = "0") int offset,
                            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                            @Parameter(hidden = true) @RequestParam(defaultValue = "false") boolean local,
                            @Parameter(hidden = true) @RequestParam(required = false) Instant asOf) {
        return entities.vms(new VmQuery(site, power, protection), new PageRequest(offset, limit), local, asOf);
    }
}
