package org.tokendesk.web.cli;

/** A command could not do what was asked; the message says why and what to do. Never holds a secret. */
final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailedException(String message) {
        this(message, TokendeskCommand.EXIT_FAILED);
    }

    CommandFailedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
