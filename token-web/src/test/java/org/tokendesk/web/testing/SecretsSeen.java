package org.tokendesk.web.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Every secret the test suite saw (tokens, keys, webhook secrets, CSRF tokens, passwords, master
 * keys) and every log line of the in-process nodes, so that one test at the end of the suite can
 * prove that no secret ever reached a log.
 */
public final class SecretsSeen {

    private static final int MAX_LINES = 500_000;
    private static final Set<String> FIELDS = Set.of("authToken", "key", "webhookSecret", "csrfToken", "password");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger LINE_COUNT = new AtomicInteger();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private SecretsSeen() {
    }

    /** Captures every log event of this JVM from now on (idempotent). */
    public static void captureLogs() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (LINE_COUNT.incrementAndGet() > MAX_LINES) {
                    return;
                }
                String line = event.getFormattedMessage();
                if (event.getThrowableProxy() != null) {
                    line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
                }
                LINES.add(line);
            }
        };
        appender.setContext(context);
        appender.setName("secrets-seen");
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    public static void remember(String secret) {
        if (secret != null && secret.length() >= 8) {
            SECRETS.add(secret);
        }
    }

    /** Remembers secret-holding fields of a JSON document, at any depth. */
    public static void rememberFields(JsonNode node) {
        if (node == null) {
            return;
        }
        for (var e : node.properties()) {
            if (FIELDS.contains(e.getKey()) && e.getValue().isTextual()) {
                remember(e.getValue().asText());
            } else {
                rememberFields(e.getValue());
            }
        }
        if (node.isArray()) {
            node.forEach(SecretsSeen::rememberFields);
        }
    }

    public static Set<String> secrets() {
        return Set.copyOf(SECRETS);
    }

    public static List<String> logLines() {
        return List.copyOf(LINES);
    }
}
