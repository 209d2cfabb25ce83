package org.sitewatch.audit.verify;

/**
 * One unit of an export file: a line (JSON Lines, timeline) or a record (CSV, which may span lines).
 *
 * @param number 1-based position in the file
 * @param key the record's Kafka coordinates ({@code sitewatch.vm/3@42}), {@link #HEADER} for a header
 *     line, or null when the unit cannot be read as a record of the format
 * @param text the unit without its line terminator
 */
record Unit(long number, String key, String text) {

    static final String HEADER = "#header";
}
