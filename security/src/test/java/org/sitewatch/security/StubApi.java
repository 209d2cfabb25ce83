package org.sitewatch.security;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins for the real controllers at the real paths (streams views, alerting maintenance, audit), so the
 * access rules are tested without Kafka; the app's SecurityIT checks the real endpoints of a running stack.
 * POST answers who the principal is, as the maintenance controller records it.
 */
@RestController
class StubApi {

    @GetMapping("/api/sites")
    Map<String, Object> sites() {
        return Map.of("sites", java.util.List.of());
    }

    @GetMapping("/api/maintenance")
    java.util.List<Object> windows() {
        return java.util.List.of();
    }

    @PostMapping("/api/maintenance")
    ResponseEntity<Map<String, String>> create(Principal principal) {
        return ResponseEntity.status(201).body(Map.of("createdBy", principal.getName()));
    }

    @DeleteMapping("/api/maintenance/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/audit/events")
    String events() {
        return "";
    }

    @GetMapping("/api/audit/state")
    Map<String, Object> state() {
        return Map.of();
    }
}
