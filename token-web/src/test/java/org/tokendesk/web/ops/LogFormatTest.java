package org.tokendesk.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.http.Json;

/**
 * The application's logging ({@link LogConfigurator}): readable lines by default, JSON lines
 * (Logback's JsonEncoder) with {@code TOKENDESK_LOG_FORMAT=json}; both carry the request id. An
 * operator's own logback file goes first.
 */
class LogFormatTest {

    /** A line as the application's configuration writes it (the tests run with logback-test.xml). */
    private static String encode(String format) {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, LogConfigurator.configure(context, false, format));
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
    void the_default_format_is_one_readable_line_with_the_request_id() {
        String line = encode(null);
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT[^ ]+ INFO  \\[[^]]*] org.tokendesk.test req=req-42 - reset of read_write done\\R"),
                line);
    }

    @Test
    void a_line_outside_a_request_has_no_empty_request_id() {
        LoggerContext context = new LoggerContext();
        LogConfigurator.configure(context, false, "text");
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> console =
                (OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                        .getAppender("console");
        LoggingEvent event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("org.tokendesk.test"),
                Level.WARN, "started", null, null);
        event.setMDCPropertyMap(Map.of());
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertTrue(line.matches("\\S+ WARN  \\[[^]]*] org.tokendesk.test - started\\R"), line);
    }

    @Test
    void json_gives_one_json_object_per_line_with_level_logger_message_and_request_id() throws IOException {
        String line = encode("JSON");
        assertEquals(1, line.strip().lines().count(), line);
        JsonNode json = Json.mapper().readTree(line);
        assertEquals("INFO", json.get("level").asText());
        assertEquals("org.tokendesk.test", json.get("loggerName").asText());
        assertEquals("reset of read_write done", json.get("formattedMessage").asText());
        assertEquals("req-42", json.get("mdc").get("requestId").asText());
        assertTrue(json.get("timestamp").isNumber());
        assertFalse(json.has("arguments") || json.has("message") || json.has("sequenceNumber"), line);
    }

    @Test
    void an_unknown_format_falls_back_to_text_so_the_settings_check_can_speak() {
        assertTrue(encode("xml").contains(" INFO  "));
    }

    @Test
    void info_for_tokendesk_and_warn_for_the_chatty_libraries() {
        LoggerContext context = new LoggerContext();
        LogConfigurator.configure(context, false, null);
        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        for (String quiet : new String[] {"org.flywaydb", "com.zaxxer.hikari", "org.eclipse.jetty", "io.javalin"}) {
            assertEquals(Level.WARN, context.getLogger(quiet).getLevel(), quiet);
        }
        assertTrue(context.getLogger("tokendesk.access").isInfoEnabled());
        context.stop();
    }

    @Test
    void an_operators_own_logback_file_goes_first() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, LogConfigurator.configure(context, true, "json"));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console"));
    }
}
