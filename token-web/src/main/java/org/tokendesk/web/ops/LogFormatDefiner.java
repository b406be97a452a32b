package org.tokendesk.web.ops;

import ch.qos.logback.core.spi.PropertyDefiner;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.tokendesk.web.config.LogFormat;

/**
 * Tells logback.xml which appender to use: {@code text} or {@code json}, from the system property
 * or else the environment variable {@code TOKENDESK_LOG_FORMAT} (any case). An unknown value gives
 * {@code text}, so that the settings check can still print its message; it stops the start anyway.
 */
public final class LogFormatDefiner extends ContextAwareBase implements PropertyDefiner {

    public LogFormatDefiner() {
        // logback instantiates it
    }

    @Override
    public String getPropertyValue() {
        String value = System.getProperty(LogFormat.VARIABLE);
        if (value == null) {
            value = System.getenv(LogFormat.VARIABLE);
        }
        return LogFormat.parse(value).orElse(LogFormat.TEXT).wireName();
    }
}
