package org.tokendesk.notifier.webhook.internal;

/** A webhook destination that the SSRF guard does not allow; retrying would not help. */
public final class DestinationRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    DestinationRefusedException(String message) {
        super(message);
    }
}
