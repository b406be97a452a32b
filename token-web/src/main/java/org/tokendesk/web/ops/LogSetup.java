package org.tokendesk.web.ops;

import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.tokendesk.web.config.LogFormat;

/**
 * Applies {@code TOKENDESK_LOG_FORMAT} when it came from the config file: logging was set up
 * ({@link LogConfigurator}) before the file was known, so it is set up again with the file's choice.
 */
public final class LogSetup {

    private LogSetup() {
    }

    public static void apply(LogFormat format, Map<String, String> environment) {
        LogFormat current = LogFormat.parse(LogConfigurator.formatValue(environment::get)).orElse(LogFormat.TEXT);
        if (format == current || LogConfigurator.otherFile()
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // the start chose right already, or logback read another configuration file
        }
        System.setProperty(LogFormat.VARIABLE, format.wireName());
        LogConfigurator.apply(context, format);
    }
}
