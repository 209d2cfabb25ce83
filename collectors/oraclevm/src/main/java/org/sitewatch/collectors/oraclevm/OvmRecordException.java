package org.sitewatch.collectors.oraclevm;

/** One object of an answer that cannot be mapped (a required field missing or of the wrong kind); it is skipped. */
final class OvmRecordException extends RuntimeException {

    OvmRecordException(String message) {
        super(message);
    }
}
