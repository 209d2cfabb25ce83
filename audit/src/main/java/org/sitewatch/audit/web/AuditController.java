package org.sitewatch.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeExpressions;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.state.AsOfViews;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit replay over HTTP, for the status page and for tools:
 * <ul>
 *   <li>{@code GET /api/audit/events?from=&to=&site=&peerSite=&platform=&vm=&entity=&type=&maxLateness=}:
 *       the events in event-time order as JSON Lines ({@code application/x-ndjson}), streamed; the
 *       same lines as {@code sitewatch replay --format jsonl}. Repeat a parameter (or separate with
 *       commas) for alternatives. {@code X-Sitewatch-Records} says how many lines follow.</li>
 *   <li>{@code GET /api/audit/state?at=&site=}: the views at an instant ({@link AsOfViews}).</li>
 * </ul>
 * Errors are problem JSON naming the parameter or the setting: 400 bad input (also a range longer than
 * {@code sitewatch.audit.max-range}), 404 unknown site, 410 before retention, 429 too many replays at
 * once, 503 Kafka unreachable or the request past {@code sitewatch.audit.request-deadline} (kind
 * {@code INCOMPLETE}), 507 sorting needs more than {@code sitewatch.audit.max-spill-size} of disk. A
 * client that closes its connection stops its request ({@link ClientConnection}).
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    public static final String RECORDS_HEADER = "X-Sitewatch-Records";
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/events")
    public ResponseEntity<StreamingResponseBody> events(@RequestParam String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> site, @RequestParam(required = false) List<String> peerSite,
            @RequestParam(required = false) List<String> platform, @RequestParam(required = false) List<String> vm,
            @RequestParam(required = false) List<String> entity, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) String maxLateness, HttpServletRequest http) {
        Duration lateness = maxLateness == null ? audit.properties().maxLateness()
                : AuditDurations.parseOrUnlimited(maxLateness, "maxLateness");
        ReplayRequest request = new ReplayRequest(TimeRange.parse(from, to, Instant.now(), "from", "to"),
                EventFilter.of(site, peerSite, platform, vm, entity, type), lateness, false);
        AuditService.PreparedReplay replay = audit.prepare(request, clientOf(http));
        return ResponseEntity.ok().contentType(NDJSON)
                .header(RECORDS_HEADER, Long.toString(replay.records()))
                .body(replay::writeTo);
    }

    @GetMapping(path = "/state", produces = MediaType.APPLICATION_JSON_VALUE)
    public AsOfViews state(@RequestParam String at, @RequestParam(required = false) String site, HttpServletRequest http) {
        return audit.state(TimeExpressions.parse(at, Instant.now(), "at"), site, clientOf(http));
    }

    private static BooleanSupplier clientOf(HttpServletRequest http) {
        return ClientConnection.between(http.getLocalPort(), http.getRemotePort());
    }
}
