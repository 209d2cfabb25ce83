package org.sitewatch.collectors.proxmox;

/** One vendor record cannot be mapped; the mapper skips it and the rest of the poll goes on. */
final class BadRecordException extends RuntimeException {

    BadRecordException(String message) {
        super(message);
    }
}
