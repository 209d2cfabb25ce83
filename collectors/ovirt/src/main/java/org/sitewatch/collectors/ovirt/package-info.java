/**
 * The oVirt / Red Hat Virtualization plug-in: the engine's REST API v4 with SSO bearer tokens; VMs,
 * hosts, clusters and data centers per poll, the engine's event list as an incremental history, and
 * storage-domain disaster recovery pairs (declared in the settings) as replication items.
 */
package org.sitewatch.collectors.ovirt;
