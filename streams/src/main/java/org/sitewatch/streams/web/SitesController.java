package org.sitewatch.streams.web;

import org.sitewatch.streams.query.SiteQueryService;
import org.sitewatch.streams.query.SiteViews.SiteDetail;
import org.sitewatch.streams.query.SiteViews.SiteList;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only site views as JSON: {@code GET /api/sites} and {@code GET /api/sites/{site}}. Errors
 * (404 unknown site, 503 not ready) are shaped by {@link ApiExceptionHandler}.
 */
@RestController
@RequestMapping(path = "/api/sites", produces = MediaType.APPLICATION_JSON_VALUE)
public class SitesController {

    private final SiteQueryService query;

    public SitesController(SiteQueryService query) {
        this.query = query;
    }

    @GetMapping
    public SiteList sites() {
        return query.sites();
    }

    @GetMapping("/{site}")
    public SiteDetail site(@PathVariable String site) {
        return query.site(site).orElseThrow(() -> new UnknownSiteException(site));
    }
}
