package org.sitewatch.simulator.kubevirt;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Kubernetes object names and uids made from scenario names. */
final class KubeNames {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private KubeNames() {
    }

    static boolean isDnsLabel(String s) {
        return DNS_LABEL.matcher(s).matches();
    }

    /** A scenario name as a Kubernetes object name: lower case, other characters as {@code -}. */
    static String objectName(String scenarioName) {
        String s = scenarioName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-").replaceAll("^[-.]+|[-.]+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }

    /** A uid that is the same for the same cluster and seed in every run (fixtures stay reproducible). */
    static String uid(String cluster, String seed) {
        return UUID.nameUUIDFromBytes((cluster + "/" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
