/**
 * From ARM's JSON to the events contract, without I/O: ASR's state words, dates and
 * provider-specific details, VM power and Resource Health. Unknown words read as UNKNOWN with the
 * word kept.
 */
package org.sitewatch.collectors.azure.mapping;
