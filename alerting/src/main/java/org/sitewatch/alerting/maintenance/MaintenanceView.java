package org.sitewatch.alerting.maintenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.sitewatch.events.MaintenanceWindow;

/**
 * A window as the REST API shows it.
 *
 * @param active whether it suppresses alerts right now
 * @param source {@code config} (declared in properties, read-only over REST) or {@code api}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaintenanceView(String id, String site, String cluster, String host, String item, String vm,
                              Instant startsAt, Instant endsAt, String reason, String createdBy, boolean active,
                              String source) {

    static MaintenanceView of(MaintenanceWindow w, Instant now, boolean configured) {
        return new MaintenanceView(w.id(), w.site(), w.cluster(), w.host(), w.item(), w.vm(), w.startsAt(), w.endsAt(),
                w.reason(), w.createdBy(), w.activeAt(now), configured ? "config" : "api");
    }
}
