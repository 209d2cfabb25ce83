/**
 * The Citrix DaaS front of the simulator: Citrix Cloud's client-credentials token endpoint and the
 * Monitor Service's OData v4 entity sets ({@code Machines}, {@code DesktopGroups}) for one customer
 * per scenario cluster, its machines made from the engine's guests and hosting servers.
 */
package org.sitewatch.simulator.citrix;
