package org.sitewatch.alerting.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.sitewatch.alerting.maintenance.MaintenanceRequest;
import org.sitewatch.alerting.maintenance.MaintenanceService;
import org.sitewatch.alerting.maintenance.MaintenanceView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maintenance windows over REST: {@code POST /api/maintenance} (JSON {@link MaintenanceRequest},
 * 201 with the window; 400 for a body naming {@code createdBy} or a window over a limit),
 * {@code GET /api/maintenance}, {@code GET /api/maintenance/{id}}, {@code DELETE /api/maintenance/{id}}
 * (204; 404 unknown; 409 for windows from configuration).
 *
 * <p>Who may call what is the security module's business (writes need the {@code operator} role); this
 * controller takes the creator from the authenticated principal of the request, never from the body.
 * Without any authentication in the application (the alerting module on its own) the creator is
 * {@value #UNAUTHENTICATED}.
 */
@RestController
@RequestMapping(path = "/api/maintenance", produces = MediaType.APPLICATION_JSON_VALUE)
public class MaintenanceController {

    /** The creator recorded when the request carries no authenticated principal. */
    static final String UNAUTHENTICATED = "unauthenticated";

    private final MaintenanceService service;

    public MaintenanceController(MaintenanceService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MaintenanceView> create(@RequestBody MaintenanceRequest request, Principal principal) {
        MaintenanceView created = service.create(request, nameOf(principal));
        return ResponseEntity.created(URI.create("/api/maintenance/" + created.id())).body(created);
    }

    @GetMapping
    public List<MaintenanceView> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    public MaintenanceView get(@PathVariable String id) {
        return service.find(id).orElseThrow(() -> new MaintenanceService.UnknownWindowException(id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Principal principal) {
        service.delete(id, nameOf(principal));
        return ResponseEntity.noContent().build();
    }

    private static String nameOf(Principal principal) {
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                ? UNAUTHENTICATED : principal.getName();
    }
}
