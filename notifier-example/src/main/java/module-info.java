/**
 * An example tokendesk notifier plugin: the {@code logfile} channel appends one JSON line per
 * notice to a file. Exports nothing; the host finds it through the service declaration alone.
 */
module org.tokendesk.notifier.example {
    requires org.tokendesk.notifier.spi;

    provides org.tokendesk.notifier.spi.NotifierProvider
            with org.tokendesk.notifier.example.LogfileNotifierProvider;
}
