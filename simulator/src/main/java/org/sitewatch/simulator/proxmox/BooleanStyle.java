package org.sitewatch.simulator.proxmox;

/**
 * How a simulated site encodes booleans on the wire. Perl-based PVE sends {@code 0}/{@code 1};
 * {@link #JSON} sends {@code true}/{@code false} so collectors can be tested against both forms.
 */
public enum BooleanStyle {
    /** Integers 0/1, as PVE does (scenario value {@code int}, the default). */
    INT,
    /** JSON literals true/false (scenario value {@code json}). */
    JSON;

    static BooleanStyle fromScenario(String value) {
        return switch (value) {
            case "int" -> INT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("must be 'int' or 'json', got '" + value + "'");
        };
    }
}
