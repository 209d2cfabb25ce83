package org.sitewatch.collectors.vmware.mapping;

/**
 * vCenter's {@code ManagedEntityStatus}, the alarm-driven colour of an entity, as a verdict:
 * {@code green} → OK, {@code yellow} ("might have a problem") → WARNING, {@code red}
 * ("definitely has a problem") → PROBLEM, {@code gray} ("unknown"), absent or a later word →
 * UNKNOWN.
 */
enum EntityStatus {
    OK, WARNING, PROBLEM, UNKNOWN;

    static EntityStatus of(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        switch (word) {
            case "green":
                return OK;
            case "yellow":
                return WARNING;
            case "red":
                return PROBLEM;
            case "gray":
                return UNKNOWN;
            default:
                return UNKNOWN;
        }
    }
}
