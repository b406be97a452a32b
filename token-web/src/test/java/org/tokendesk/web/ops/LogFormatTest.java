package org.tokendesk.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.config.LogFormat;
import org.tokendesk.web.http.Json;

/**
 * The application's logback.xml: readable lines by default, JSON lines (Logback's JsonEncoder)
 * with {@code TOKENDESK_LOG_FORMAT=json}; both carry the request id.
 */
class LogFormatTest {

    @AfterEach
    void clear() {
        System.clearProperty(LogFormat.VARIABLE);
    }

    /** The application's own logback.xml (the tests run with logback-test.xml). */
    private static String encode(String format) throws JoranException {
        if (format != null) {
            System.setProperty(LogFormat.VARIABLE, format);
        }
        URL config = LogFormatDefiner.class.getClassLoader().getResource("logback.xml");
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> console =
                (OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>) root.getAppender("console");
        LoggingEvent event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("org.tokendesk.test"),
                Level.INFO, "reset of {} done", null, new Object[] {"read_write"});
        event.setMDCPropertyMap(Map.of("requestId", "req-42"));
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        context.stop();
        return line;
    }

    @Test
    void the_default_format_is_one_readable_line_with_the_request_id() throws JoranException {
        String line = encode(null);
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT[^ ]+ INFO  \\[[^]]*] org.tokendesk.test req=req-42 - reset of read_write done\\R"),
                line);
    }

    @Test
    void json_gives_one_json_object_per_line_with_level_logger_message_and_request_id() throws JoranException, IOException {
        String line = encode("JSON");
        assertEquals(1, line.strip().lines().count(), line);
        JsonNode json = Json.mapper().readTree(line);
        assertEquals("INFO", json.get("level").asText());
        assertEquals("org.tokendesk.test", json.get("loggerName").asText());
        assertEquals("reset of read_write done", json.get("formattedMessage").asText());
        assertEquals("req-42", json.get("mdc").get("requestId").asText());
        assertTrue(json.get("timestamp").isNumber());
    }

    @Test
    void an_unknown_format_falls_back_to_text_so_the_settings_check_can_speak() throws JoranException {
        assertTrue(encode("xml").contains(" INFO  "));
    }
}
