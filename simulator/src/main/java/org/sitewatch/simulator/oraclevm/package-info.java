/**
 * The Oracle VM Manager 3.4 front: the Web Services REST API ({@code /ovm/core/wsapi/rest}) of one
 * manager and its server pool, rendered from the engine's cluster (servers = nodes, VMs = guests).
 */
package org.sitewatch.simulator.oraclevm;
