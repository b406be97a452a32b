package org.tokendesk.web.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.tokendesk.web.config.LogFormat;

/**
 * Applies {@code TOKENDESK_LOG_FORMAT} when it came from the config file: logback read
 * logback.xml before the file was known, so it is read again with the file's choice.
 */
public final class LogSetup {

    private LogSetup() {
    }

    public static void apply(LogFormat format, Map<String, String> environment) {
        String property = System.getProperty(LogFormat.VARIABLE);
        LogFormat current = LogFormat.parse(property != null ? property : environment.get(LogFormat.VARIABLE))
                .orElse(LogFormat.TEXT);
        if (format == current || System.getProperty("logback.configurationFile") != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // logback.xml chose right already, or the operator configures logging
        }
        URL config = LogSetup.class.getClassLoader().getResource("logback.xml");
        if (config == null) {
            return;
        }
        System.setProperty(LogFormat.VARIABLE, format.wireName());
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            System.err.println("tokendesk: cannot configure logging: " + e.getMessage());
        }
    }
}
