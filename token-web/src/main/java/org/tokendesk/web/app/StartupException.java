package org.tokendesk.web.app;

/** tokendesk cannot start; the message says why and how to fix it, without a stack trace. */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }
}
