package org.sitewatch.streams.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /runbooks}: what to do when an alert fires, one section per alert rule. The alerts'
 * default {@code runbook_url} points here ({@code /runbooks#<alertname in lower case>}).
 */
@RestController
public class RunbooksController {

    private final RunbookPage page = new RunbookPage();

    @Operation(summary = "The runbooks (docs/runbooks.md) as HTML; each alert's runbook_url points at its section")
    @GetMapping(path = "/runbooks", produces = MediaType.TEXT_HTML_VALUE)
    public String runbooks() {
        return page.html();
    }
}
