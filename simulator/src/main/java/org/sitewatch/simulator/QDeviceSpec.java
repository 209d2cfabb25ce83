package org.sitewatch.simulator;

/**
 * A cluster's external quorum device (a corosync QDevice served by a QNetd host), which adds votes
 * so that a two-node cluster keeps quorum when one node fails. The timeline can disconnect and
 * reconnect it.
 *
 * @param host      address of the QNetd host, e.g. {@code 10.30.0.50}
 * @param votes     votes it adds while connected (1 with PVE's fifty-fifty split algorithm)
 * @param connected whether it starts connected
 */
public record QDeviceSpec(String host, int votes, boolean connected) {
}
