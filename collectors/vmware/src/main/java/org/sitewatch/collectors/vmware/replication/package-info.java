/**
 * vSphere Replication and Site Recovery Manager over their REST gateways, for the vSphere
 * collector: {@link org.sitewatch.collectors.vmware.replication.ReplicationReader} reads a vCenter's
 * replications (and the test history of its recovery plans) and maps them to the contract's
 * replication status; {@link org.sitewatch.collectors.vmware.replication.ReplicationSettings} is its
 * settings block, {@code endpoints[n].vsphere.replication}.
 *
 * <p>Conventions as in the mapping package: every documented enum word is mapped explicitly, an
 * unknown one becomes UNKNOWN with the word kept; items are found by the VM's moRef. Depends on the
 * SPI, the contract's data classes, the JDK and Jackson (the SPI's HTTP client answers with it).
 */
package org.sitewatch.collectors.vmware.replication;
