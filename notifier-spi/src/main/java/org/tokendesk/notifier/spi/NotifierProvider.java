package org.tokendesk.notifier.spi;

/**
 * Entry point of a notifier plugin, found by {@link java.util.ServiceLoader}.
 *
 * <p>Implementations need a public no-argument constructor (or a public static {@code provider()}
 * method on the module path) and must be cheap to construct: the host instantiates every provider
 * at start, each on its own, and skips (with one log line) any that throws.
 *
 * <p>Example, in the plugin's {@code module-info.java}:
 * <pre>{@code
 * module com.example.tokendesk.slack {
 *     requires org.tokendesk.notifier.spi;
 *     provides org.tokendesk.notifier.spi.NotifierProvider with com.example.slack.SlackNotifierProvider;
 * }
 * }</pre>
 */
public interface NotifierProvider {

    /**
     * The channel id, used by integrations to choose this channel ({@code "channels": ["slack"]})
     * and as the settings namespace ({@code TOKENDESK_NOTIFIER_SLACK_*}).
     *
     * @return a lower-case id matching {@code [a-z][a-z0-9_]{0,31}}; unique among loaded providers
     */
    String id();

    /**
     * The SPI version this provider was compiled against. Implement it as
     * {@code return NotifierSpi.VERSION;} so that javac records the version of the SPI jar the
     * plugin was built with.
     *
     * @return the SPI version the plugin was built against
     */
    int spiVersion();

    /**
     * Creates the notifier from its settings. Called once at start.
     *
     * @param context the plugin's own settings and facts about the host
     * @return a notifier ready to deliver
     * @throws NotifierConfigurationException when a setting is missing or wrong; the message must
     *     say which setting and how to fix it, and must never contain a secret
     */
    Notifier create(NotifierContext context);

    /**
     * Whether this channel can be used with the given settings at all. A provider whose channel
     * is switched off (for example email without {@code TOKENDESK_SMTP_HOST}) returns false, and
     * the host then neither calls {@link #create} nor queues deliveries for it.
     *
     * @param context the plugin's settings
     * @return true when the channel is configured; true by default
     */
    default boolean isEnabled(NotifierContext context) {
        return true;
    }
}
