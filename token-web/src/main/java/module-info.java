/**
 * The tokendesk application: HTTP API and gateway checks (Javalin), the composition root (Guice),
 * configuration, the command line and {@code main}, and notifier plugin loading.
 */
module org.tokendesk.web {
    requires org.tokendesk.persistence;
    requires io.javalin;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.google.guice;
    requires jakarta.inject;
    requires info.picocli;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires static com.google.errorprone.annotations;

    // the JSON shapes of the public API: records that Jackson reads and writes
    exports org.tokendesk.web.api;
    opens org.tokendesk.web.api to com.fasterxml.jackson.databind;
    // @Provides methods of the composition root
    opens org.tokendesk.web.app to com.google.guice;
    // the command classes picocli instantiates and fills
    opens org.tokendesk.web.cli to info.picocli;

    // notifier channels (email, webhook, third-party plugins) found at run time
    uses org.tokendesk.notifier.spi.NotifierProvider;
}
