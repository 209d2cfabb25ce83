package org.sitewatch.simulator.proxmox;

import java.util.Map;

/**
 * An API error as PVE reports it: HTTP status, message (sent as {@code message} with a trailing
 * newline, as PVE's Perl {@code die} texts have) and, for parameter errors, an {@code errors} map.
 */
final class ApiException extends RuntimeException {

    final int status;
    final Map<String, String> errors;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    ApiException(int status, String message, Map<String, String> errors) {
        super(message);
        this.status = status;
        this.errors = errors;
    }

    static ApiException notImplemented(String method, String path) {
        return new ApiException(501, "Method '" + method + " " + path + "' not implemented");
    }

    static ApiException parameter(String name, String problem) {
        return new ApiException(400, "Parameter verification failed.", Map.of(name, problem));
    }
}
