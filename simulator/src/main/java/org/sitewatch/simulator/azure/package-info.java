/**
 * The Azure front of the simulator: Microsoft Entra ID's token endpoint and Azure Resource Manager
 * for one Recovery Services vault per scenario cluster, its Azure Site Recovery protected items
 * made from the engine's replication links, on an HTTPS listener of its own per vault.
 */
package org.sitewatch.simulator.azure;
