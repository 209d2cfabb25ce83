/**
 * The Oracle VM collector: polls Oracle VM Manager 3.4's Web Services REST API
 * ({@code /ovm/core/wsapi/rest}: {@code /Manager}, {@code /Vm}, {@code /Server},
 * {@code /ServerPool}) with a Basic login and its session cookie, and maps VMs, servers and server
 * pools to Sitewatch records. The API shows no HA events, so HA restarts and migrations are derived
 * by comparing polls. Depends only on the SPI and the event contract.
 */
package org.sitewatch.collectors.oraclevm;
