/**
 * The libvirt (KVM) collector: a push source with one libvirt connection per host (local
 * {@code qemu:///system}, {@code qemu+ssh://}, {@code qemu+tls://}), domain lifecycle callbacks on
 * libvirt's event loop, a full listing of running and inactive domains at every (re)connection, and
 * host reachability as HA hosts. Depends on the SPI, the event contract and libvirt-java (JNA);
 * needs the native {@code libvirt.so.0} at run time only.
 */
package org.sitewatch.collectors.libvirt;
