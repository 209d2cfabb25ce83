/**
 * The Proxmox VE collector: polls the PVE REST API ({@code /cluster/status},
 * {@code /cluster/resources}, {@code /cluster/ha/status/current}, {@code /cluster/replication},
 * {@code /nodes/{node}/replication}) with an API token and maps it to Sitewatch records. PVE has
 * no event stream for HA or replication, so HA actions are derived from state transitions between
 * polls. Depends only on the SPI and the event contract.
 */
package org.sitewatch.collectors.proxmox;
