/**
 * The Microsoft Hyper-V front of the simulator: WinRM listeners (WS-Management shell profile, HTTP
 * Basic) per host of a scenario cluster, whose command output is the Hyper-V collector's snapshot
 * document built from the engine's state. See {@link org.sitewatch.simulator.hyperv.HypervFront}.
 */
package org.sitewatch.simulator.hyperv;
