package org.sitewatch.collectors.azure;

import java.util.Locale;
import org.sitewatch.collectors.spi.Scope;

/**
 * A Recovery Services vault to read, with its region once known (the region on-premises items
 * recover to).
 *
 * @param region the vault's Azure region id; null until read
 */
record VaultRef(String subscriptionId, String resourceGroup, String name, String region) {

    /** The vault's ARM path, {@code /subscriptions/.../vaults/<name>}. */
    String path() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.RecoveryServices/vaults/" + name;
    }

    /** {@code rg/name}, as heartbeats and reasons name the vault. */
    String label() {
        return resourceGroup + "/" + name;
    }

    /**
     * The scope a vault that cannot be read is reported under. The SPI has no vault kind; a node
     * scope covers the items whose source host it names, and ASR items name none, so the vault's
     * items keep their last state through the snapshot's partial type while the other vaults' update.
     */
    Scope scope() {
        return Scope.node("vault " + label());
    }

    /**
     * The scope under which a vault's unreadable replication policies are reported. No item names it
     * as its source host, so the items still update (with their last known targets); it only makes
     * the heartbeat say what could not be read.
     */
    Scope policyScope() {
        return Scope.node("replication policies of vault " + label());
    }

    VaultRef withRegion(String value) {
        return new VaultRef(subscriptionId, resourceGroup, name, value == null ? null : value.toLowerCase(Locale.ROOT));
    }

    /**
     * The vault of an ARM id {@code /subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.RecoveryServices/vaults/<n>}.
     *
     * @return null when the id does not have that shape
     */
    static VaultRef fromId(String id, String region) {
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        // "", subscriptions, s, resourceGroups, rg, providers, Microsoft.RecoveryServices, vaults, n
        if (parts.length != 9 || !parts[1].equalsIgnoreCase("subscriptions") || !parts[3].equalsIgnoreCase("resourceGroups")
                || !parts[7].equalsIgnoreCase("vaults")) {
            return null;
        }
        return new VaultRef(parts[2], parts[4], parts[8], null).withRegion(region);
    }
}
