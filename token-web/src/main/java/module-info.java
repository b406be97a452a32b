/**
 * The tokendesk application: HTTP API and gateway checks (Javalin), the composition root (Guice),
 * configuration, the command line and {@code main}, and notifier plugin loading.
 */
module org.tokendesk.web {
    requires org.tokendesk.persistence;
    requires io.javalin;
    // direct TLS: a Jetty connector of our own
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.util;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.google.guice;
    requires jakarta.inject;
    requires info.picocli;
    // class-archive: the training start is sent its requests over HTTP
    requires java.net.http;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    // tokendesk's logging is set up in code (LogConfigurator: appender, encoders, levels)
    requires ch.qos.logback.core;
    // /metrics: Micrometer and its Prometheus registry; the pool gauges read HikariCP's pool bean;
    // the JVM binders need the management modules resolved (nothing else requires jdk.management)
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires com.zaxxer.hikari;
    requires java.management;
    requires jdk.management;
    requires static com.google.errorprone.annotations;
    // the operator's pages: templates precompiled to Java sources at build time; only the runtime is needed
    requires gg.jte.runtime;
    // only for the @Generated (source retention) on the generated template classes
    requires static java.compiler;

    // the JSON shapes of the public API: records that Jackson reads and writes
    exports org.tokendesk.web.api;
    opens org.tokendesk.web.api to com.fasterxml.jackson.databind;
    // @Provides methods of the composition root
    opens org.tokendesk.web.app to com.google.guice;
    // the command classes picocli instantiates and fills
    opens org.tokendesk.web.cli to info.picocli;
    // the generated page templates, which the jte runtime loads and calls reflectively
    opens org.tokendesk.web.ui.jte to gg.jte.runtime;

    // notifier channels (email, webhook, third-party plugins) found at run time
    uses org.tokendesk.notifier.spi.NotifierProvider;
    // logback sets up logging through this service when it starts
    provides ch.qos.logback.classic.spi.Configurator with org.tokendesk.web.ops.LogConfigurator;
}
