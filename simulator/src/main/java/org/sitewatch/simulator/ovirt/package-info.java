/**
 * The oVirt / Red Hat Virtualization front: the engine's SSO token endpoint and REST API v4 (JSON)
 * over the vendor-neutral engine, with the engine's event list derived from what the engine model does.
 */
package org.sitewatch.simulator.ovirt;
