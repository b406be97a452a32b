package org.tokendesk.notifier.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.NotifierConfigurationException;
import org.tokendesk.notifier.spi.NotifierContext;
import org.tokendesk.notifier.spi.NotifierProvider;
import org.tokendesk.notifier.spi.NotifierSpi;
import org.tokendesk.notifier.spi.Recipient;

class LogfileNotifierTest {

    @TempDir
    Path dir;

    private final LogfileNotifierProvider provider = new LogfileNotifierProvider();

    @Test
    void each_notice_becomes_one_json_line_with_its_delivery_id() throws Exception {
        Path file = dir.resolve("notices.jsonl");
        Notifier notifier = provider.create(context(Map.of("path", file.toString())));

        DeliveryOutcome first = notifier.deliver(notice("msg_1", "Billing sync"), recipient());
        DeliveryOutcome second = notifier.deliver(notice("msg_2", "CRM"), recipient());

        assertInstanceOf(DeliveryOutcome.Delivered.class, first);
        assertInstanceOf(DeliveryOutcome.Delivered.class, second);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"deliveryId\":\"msg_1\",\"type\":\"token.reset\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"integrationName\":\"Billing sync\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"previousTokenHint\":\"…a1b2\""), lines.get(1));
    }

    @Test
    void the_acknowledgement_link_is_a_credential_so_the_line_only_says_whether_there_was_one() throws Exception {
        Path file = dir.resolve("notices.jsonl");
        Notifier notifier = provider.create(context(Map.of("path", file.toString())));
        String link = "https://tokendesk.example.org/ack/ack_0123.secret-mac-value";

        notifier.deliver(Notice.builder().deliveryId("msg_1").occurredAt(Instant.parse("2026-03-01T10:15:30Z"))
                .accountSid("AC0123456789abcdef0123456789abcdef").scope("read_write")
                .resetAt(Instant.parse("2026-03-01T10:15:00Z")).resetBy("ops@example.org").previousTokenHint("…a1b2")
                .apiVersion("v13").integrationId("int_1").integrationName("Billing")
                .credentialsUrl(java.net.URI.create("https://tokendesk.example.org/credentials"))
                .acknowledgeUrl(java.net.URI.create(link)).build(), recipient());
        notifier.deliver(notice("msg_2", "CRM"), recipient());

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).contains("\"acknowledgeLink\":\"present\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"acknowledgeLink\":\"none\""), lines.get(1));
        assertFalse(Files.readString(file).contains("secret-mac-value"), "the link never reaches the log file");
        assertFalse(Files.readString(file).contains("/ack/"));
    }

    @Test
    void the_line_says_until_when_the_old_token_works_only_after_a_reset_with_a_grace_period() throws Exception {
        Path file = dir.resolve("notices.jsonl");
        Notifier notifier = provider.create(context(Map.of("path", file.toString())));

        notifier.deliver(Notice.builder().deliveryId("msg_1").occurredAt(Instant.parse("2026-03-01T10:15:30Z"))
                .accountSid("AC0123456789abcdef0123456789abcdef").scope("read_write")
                .resetAt(Instant.parse("2026-03-01T10:15:00Z")).resetBy("ops@example.org").previousTokenHint("…a1b2")
                .apiVersion("v13").integrationId("int_1").integrationName("Billing")
                .credentialsUrl(URI.create("https://tokendesk.example.org/credentials"))
                .oldTokenValidUntil(Instant.parse("2026-03-01T12:15:00Z")).build(), recipient());
        notifier.deliver(notice("msg_2", "CRM"), recipient());

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).contains("\"oldTokenValidUntil\":\"2026-03-01T12:15:00Z\""), lines.get(0));
        assertFalse(lines.get(1).contains("oldTokenValidUntil"), lines.get(1));
    }

    @Test
    void a_scheduled_reset_and_its_cancellation_each_log_their_type_the_planned_time_and_who_acted() throws Exception {
        Path file = dir.resolve("notices.jsonl");
        Notifier notifier = provider.create(context(Map.of("path", file.toString())));
        Instant planned = Instant.parse("2026-03-05T22:00:00Z");

        DeliveryOutcome scheduled = notifier.deliver(builder("msg_1", "Billing sync")
                .type(Notice.TOKEN_RESET_SCHEDULED).resetAt(planned)
                .oldTokenValidUntil(Instant.parse("2026-03-06T22:00:00Z")).build(), recipient());
        DeliveryOutcome cancelled = notifier.deliver(builder("msg_2", "Billing sync")
                .type(Notice.TOKEN_SCHEDULED_RESET_CANCELLED).resetAt(planned).resetBy("lead@example.org").build(),
                recipient());

        assertInstanceOf(DeliveryOutcome.Delivered.class, scheduled);
        assertInstanceOf(DeliveryOutcome.Delivered.class, cancelled);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"deliveryId\":\"msg_1\",\"type\":\"token.reset_scheduled\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"resetAt\":\"2026-03-05T22:00:00Z\",\"resetBy\":\"ops@example.org\""),
                lines.get(0));
        assertTrue(lines.get(0).contains("\"oldTokenValidUntil\":\"2026-03-06T22:00:00Z\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"deliveryId\":\"msg_2\",\"type\":\"token.scheduled_reset_cancelled\""),
                lines.get(1));
        assertTrue(lines.get(1).contains("\"resetAt\":\"2026-03-05T22:00:00Z\",\"resetBy\":\"lead@example.org\""),
                lines.get(1));
        assertTrue(lines.get(1).contains("\"previousTokenHint\":\"…a1b2\""), lines.get(1));
        assertFalse(lines.get(1).contains("oldTokenValidUntil"), lines.get(1));
        for (String line : lines) {
            assertTrue(line.endsWith("\"acknowledgeLink\":\"none\",\"ownerEmail\":\"dana@example.org\"}"), line);
        }
    }

    @Test
    void line_breaks_and_quotes_in_values_stay_on_one_escaped_line() throws Exception {
        Path file = dir.resolve("notices.jsonl");
        Notifier notifier = provider.create(context(Map.of("path", file.toString())));

        notifier.deliver(notice("msg_1", "say \"hi\"\nand\\go"), recipient());

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"integrationName\":\"say \\\"hi\\\"\\u000aand\\\\go\""), lines.get(0));
    }

    @Test
    void concurrent_deliveries_never_interleave_lines() throws Exception {
        Path file = dir.resolve("notices.jsonl");
        Notifier notifier = provider.create(context(Map.of("path", file.toString())));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<DeliveryOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "msg_" + i;
                results.add(pool.submit(() -> notifier.deliver(notice(id, "integration " + id), recipient())));
            }
            for (Future<DeliveryOutcome> result : results) {
                assertInstanceOf(DeliveryOutcome.Delivered.class, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(400, lines.size());
        assertEquals(400, new HashSet<>(lines).size());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"deliveryId\":\"msg_") && l.endsWith("}")));
    }

    @Test
    void a_file_that_cannot_be_written_is_retried_later() {
        Notifier notifier = provider.create(context(Map.of("path", dir.toString())));

        DeliveryOutcome outcome = notifier.deliver(notice("msg_1", "x"), recipient());

        assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
    }

    @Test
    void without_a_path_the_channel_is_off_and_create_says_which_setting_is_missing() {
        NotifierContext empty = context(Map.of());

        assertFalse(provider.isEnabled(empty));
        NotifierConfigurationException e = assertThrows(NotifierConfigurationException.class,
                () -> provider.create(empty));
        assertTrue(e.getMessage().contains("TOKENDESK_NOTIFIER_LOGFILE_PATH"), e.getMessage());
    }

    @Test
    void a_path_in_a_missing_directory_is_rejected_at_start() {
        NotifierContext context = context(Map.of("path", dir.resolve("nope/notices.jsonl").toString()));

        assertTrue(provider.isEnabled(context));
        assertThrows(NotifierConfigurationException.class, () -> provider.create(context));
    }

    @Test
    void the_provider_declares_the_spi_version_it_was_built_against() {
        assertEquals("logfile", provider.id());
        assertEquals(NotifierSpi.VERSION, provider.spiVersion());
        assertTrue(NotifierSpi.isCompatible(provider.spiVersion()));
    }

    @Test
    void the_service_loader_finds_the_provider_through_the_module_declaration() {
        // The tests run inside the plugin's module, which only provides the service; using it here
        // needs the uses edge that a host module declares.
        getClass().getModule().addUses(NotifierProvider.class);

        List<String> ids = ServiceLoader.load(NotifierProvider.class).stream()
                .map(p -> p.get().id()).toList();

        assertTrue(getClass().getModule().isNamed(), "tests must run on the module path");
        assertTrue(ids.contains("logfile"), ids.toString());
    }

    static NotifierContext context(Map<String, String> settings) {
        return new NotifierContext() {
            @Override
            public Optional<String> setting(String key) {
                return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
            }

            @Override
            public URI publicUrl() {
                return URI.create("https://tokendesk.example.org");
            }

            @Override
            public String hostVersion() {
                return "0.1.0";
            }
        };
    }

    static Notice notice(String deliveryId, String integrationName) {
        return builder(deliveryId, integrationName).build();
    }

    static Notice.Builder builder(String deliveryId, String integrationName) {
        return Notice.builder()
                .deliveryId(deliveryId)
                .occurredAt(Instant.parse("2026-03-01T10:15:30Z"))
                .accountSid("AC0123456789abcdef0123456789abcdef")
                .scope("read_write")
                .resetAt(Instant.parse("2026-03-01T10:15:00Z"))
                .resetBy("ops@example.org")
                .previousTokenHint("…a1b2")
                .apiVersion("2010-04-01")
                .integrationId("int_42")
                .integrationName(integrationName)
                .credentialsUrl(URI.create("https://tokendesk.example.org/accounts/AC01/credentials"));
    }

    static Recipient recipient() {
        return new Recipient("Dana Owner", "dana@example.org", Locale.ENGLISH, Optional.empty(), List.of());
    }
}
