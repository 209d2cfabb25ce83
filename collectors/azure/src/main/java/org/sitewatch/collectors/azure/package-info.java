/**
 * The Azure plug-in: Azure Site Recovery protected items per Recovery Services vault, the power
 * state and Resource Health of the Azure VMs they protect, read over Azure Resource Manager with the
 * Azure SDK's identity and pipeline (see {@link org.sitewatch.collectors.azure.AzureCollector}).
 */
package org.sitewatch.collectors.azure;
