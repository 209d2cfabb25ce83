package org.sitewatch.alerting.web;

import java.net.URI;
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
 * 201 with the window), {@code GET /api/maintenance}, {@code GET /api/maintenance/{id}},
 * {@code DELETE /api/maintenance/{id}} (204; 404 unknown; 409 for windows from configuration).
 * No authentication of its own: put it behind whatever protects the rest of the API.
 */
@RestController
@RequestMapping(path = "/api/maintenance", produces = MediaType.APPLICATION_JSON_VALUE)
public class MaintenanceController {

    private final MaintenanceService service;

    public MaintenanceController(MaintenanceService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MaintenanceView> create(@RequestBody MaintenanceRequest request) {
        MaintenanceView created = service.create(request);
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
    public ResponseEntity<Void> delete(@PathVariable String id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
