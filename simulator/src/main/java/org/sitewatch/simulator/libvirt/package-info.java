/**
 * The libvirt (KVM) front: a libvirt cluster mirrored onto libvirt's in-process test driver, and
 * its DRBD replication written as {@code drbdsetup status --json} files. See {@link
 * org.sitewatch.simulator.libvirt.LibvirtFront}.
 */
package org.sitewatch.simulator.libvirt;
