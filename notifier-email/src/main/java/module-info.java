/** The SMTP notifier channel of tokendesk (filled in by the notification work). */
module org.tokendesk.notifier.email {
    requires org.tokendesk.notifier.spi;
}
