package org.sitewatch.collectors.spi.settings;

/**
 * The settings type of a plug-in that has no vendor block: binding it accepts only an empty or
 * absent block, so a stray key is still reported as unknown.
 */
public record NoSettings() {
}
