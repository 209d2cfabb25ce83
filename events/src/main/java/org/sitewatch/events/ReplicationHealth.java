package org.sitewatch.events;

/** The vendor's (or the collector's derived) health verdict for a replicated item. */
public enum ReplicationHealth {
    OK, WARNING, CRITICAL, UNKNOWN
}
