package org.sitewatch.alerting.maintenance;

import org.sitewatch.events.MaintenanceWindow;

/**
 * Where REST-created maintenance windows are kept so every dispatcher instance and every restart
 * sees them. {@link KafkaMaintenanceLog} is the implementation; tests use an in-memory one.
 */
public interface MaintenanceStore {

    /**
     * Persists the window (create or replace) and returns once it is durable.
     *
     * @throws MaintenanceStoreException if it could not be written
     */
    void save(MaintenanceWindow window);

    /** Persists the removal of a window. */
    void delete(String id);

    /** The store could not be written; the REST API answers 503. */
    class MaintenanceStoreException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public MaintenanceStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
