package org.sitewatch.collectors.vmware.replication;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building the gateways' paths. */
final class DrPaths {

    private DrPaths() {
    }

    /** {@code appliance} with {@code root} appended to its path, unless the path already ends with it. */
    static URI apiRoot(URI appliance, String root) {
        String text = appliance.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text.endsWith(root) ? text : text + root);
    }

    /** An id as one path segment (ids are UUIDs or {@code vm-42}, but a slash must not open another path). */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
