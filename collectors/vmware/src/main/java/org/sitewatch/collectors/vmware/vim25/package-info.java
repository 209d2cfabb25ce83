/**
 * A thin vim25 (vSphere SOAP) client on {@code java.net.http} and the JDK's StAX: SOAP 1.1
 * envelopes POSTed to {@code <vCenter>/sdk} with the session cookie kept ({@link
 * org.sitewatch.collectors.vmware.vim25.Vim25Client}), inventory reads and changes through the
 * PropertyCollector ({@link org.sitewatch.collectors.vmware.vim25.PropertyCollector}) and event
 * history collectors ({@link org.sitewatch.collectors.vmware.vim25.EventCollectors}). Answers are
 * plain Java values ({@link org.sitewatch.collectors.vmware.vim25.DataObject}), so callers need no
 * XML; SOAP faults are typed exceptions ({@link org.sitewatch.collectors.vmware.vim25.VimFault}).
 */
package org.sitewatch.collectors.vmware.vim25;
