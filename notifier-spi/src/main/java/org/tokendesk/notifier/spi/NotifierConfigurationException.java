package org.tokendesk.notifier.spi;

/**
 * Thrown by {@link NotifierProvider#create} when the plugin's settings are missing or wrong. The
 * host logs the message (which must say which setting and how to fix it, and never contain a
 * secret) and skips the plugin.
 */
public class NotifierConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which setting is wrong and how to fix it
     */
    public NotifierConfigurationException(String message) {
        super(message);
    }
}
