package org.sitewatch.collectors.ovirt;

/** One vendor record that cannot be mapped; it is skipped with this reason, the rest of the poll goes on. */
final class BadRecordException extends Exception {

    BadRecordException(String reason) {
        super(reason);
    }
}
