/** State store building blocks of the topology that Kafka Streams does not offer as such. */
package org.sitewatch.streams.store;
