package org.tokendesk.notifier.email.internal;

/** How the connection to the SMTP server is protected ({@code TOKENDESK_SMTP_TLS}). */
public enum Tls {
    /** Plain SMTP, for a relay on the same host or network. */
    NONE("smtp", 25),
    /** SMTP upgraded with STARTTLS; a server that does not offer it is refused. */
    STARTTLS("smtp", 587),
    /** SMTP inside TLS from the first byte. */
    SMTPS("smtps", 465);

    private final String protocol;
    private final int defaultPort;

    Tls(String protocol, int defaultPort) {
        this.protocol = protocol;
        this.defaultPort = defaultPort;
    }

    /** @return the Jakarta Mail transport protocol */
    public String protocol() {
        return protocol;
    }

    /** @return the port used when none is configured */
    public int defaultPort() {
        return defaultPort;
    }
}
