/** The Standard Webhooks notifier channel of tokendesk (filled in by the notification work). */
module org.tokendesk.notifier.webhook {
    requires org.tokendesk.notifier.spi;
}
