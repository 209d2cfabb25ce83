package org.sitewatch.collectors.vmware.replication;

/** A gateway record that cannot be mapped; the message says why, and the record is skipped. */
final class UnusableRecordException extends RuntimeException {

    UnusableRecordException(String message) {
        super(message);
    }
}
