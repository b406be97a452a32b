/**
 * The published contract for tokendesk notifier plugins.
 *
 * <p>A plugin implements {@link org.tokendesk.notifier.spi.NotifierProvider} and declares it with
 * {@code provides org.tokendesk.notifier.spi.NotifierProvider with ...} (or a
 * {@code META-INF/services} entry for a class-path jar). The host owns retries, timeouts,
 * scheduling and the delivery log; a plugin only delivers.
 */
module org.tokendesk.notifier.spi {
    exports org.tokendesk.notifier.spi;
}
