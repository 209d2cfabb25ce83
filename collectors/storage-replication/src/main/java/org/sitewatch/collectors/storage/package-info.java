/**
 * DRBD and Ceph RBD mirroring status for collector plug-ins (a library, no {@code CollectorFactory}):
 * a status command ({@code drbdsetup status --json}, {@code rbd mirror image status --format json})
 * is run locally or over SSH ({@link org.sitewatch.collectors.storage.CommandRunner}), its JSON parsed
 * and mapped to {@code ReplicationStatus} records with the peer site from configuration
 * ({@link org.sitewatch.collectors.storage.DrbdReplication},
 * {@link org.sitewatch.collectors.storage.CephMirrorReplication}). Depends only on the SPI, the event
 * contract and Apache MINA SSHD.
 */
package org.sitewatch.collectors.storage;
