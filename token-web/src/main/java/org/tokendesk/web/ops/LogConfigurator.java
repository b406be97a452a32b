package org.tokendesk.web.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.function.Function;
import org.tokendesk.web.config.LogFormat;

/**
 * tokendesk's logging, set up in code when logback starts (a {@link ch.qos.logback.classic.spi.Configurator}
 * service): one console appender writing readable lines, or JSON lines (Logback's JsonEncoder)
 * with {@code TOKENDESK_LOG_FORMAT=json} (system property first, then the environment; any case;
 * an unknown value gives text, so that the settings check can still print its message). Every line
 * of a request carries its request id (MDC {@code requestId}). Chatty libraries log from WARN.
 *
 * <p>Logback's own XML configuration did the same from a logback.xml; reading it cost every start
 * about a tenth of a second (an XML parser, logback's configuration model). An operator's own file
 * ({@code -Dlogback.configurationFile=…}) still goes first, and so does a logback-test.xml on the
 * class path, as in logback's own order.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements ch.qos.logback.classic.spi.Configurator {

    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{30}"
            + "%replace( req=%X{requestId}){' req=$', ''} - %msg%n";
    private static final Map<String, Level> QUIET = Map.of("org.flywaydb", Level.WARN, "com.zaxxer.hikari", Level.WARN,
            "org.eclipse.jetty", Level.WARN, "io.javalin", Level.WARN);

    public LogConfigurator() {
        // a service: logback instantiates it
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, otherFile(), formatValue(System::getenv));
    }

    /** {@code TOKENDESK_LOG_FORMAT} as logging reads it: the system property first, then the environment. */
    static String formatValue(Function<String, String> environment) {
        String property = System.getProperty(LogFormat.VARIABLE);
        return property != null ? property : environment.apply(LogFormat.VARIABLE);
    }

    /** Whether logback reads a configuration file instead: the operator's own, or the tests'. */
    static boolean otherFile() {
        return System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null;
    }

    /**
     * @param otherFile whether logback is to read a configuration file instead
     * @param format the value of {@code TOKENDESK_LOG_FORMAT}, or null
     */
    static ExecutionStatus configure(LoggerContext context, boolean otherFile, String format) {
        if (otherFile) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, LogFormat.parse(format).orElse(LogFormat.TEXT));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Replaces the context's configuration by tokendesk's in this format. */
    static void apply(LoggerContext context, LogFormat format) {
        context.reset();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder(context, format));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        if (format == LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }
}
