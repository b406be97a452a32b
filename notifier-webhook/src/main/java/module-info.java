/**
 * The Standard Webhooks notifier channel of tokendesk (provider id {@code webhook}).
 *
 * <p>Exports nothing: the host reaches it only through the {@code NotifierProvider} service.
 */
module org.tokendesk.notifier.webhook {
    requires org.tokendesk.notifier.spi;

    provides org.tokendesk.notifier.spi.NotifierProvider
            with org.tokendesk.notifier.webhook.WebhookNotifierProvider;
}
