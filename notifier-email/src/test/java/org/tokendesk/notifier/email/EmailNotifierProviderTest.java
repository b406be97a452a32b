package org.tokendesk.notifier.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.NotifierConfigurationException;
import org.tokendesk.notifier.spi.NotifierContext;
import org.tokendesk.notifier.spi.NotifierProvider;
import org.tokendesk.notifier.spi.NotifierSpi;

class EmailNotifierProviderTest {

    private static final String PASSWORD = "Sm7p-pässword!";

    private final EmailNotifierProvider provider = new EmailNotifierProvider();

    static NotifierContext context(Map<String, String> settings) {
        return new NotifierContext() {
            @Override
            public Optional<String> setting(String key) {
                return Optional.ofNullable(settings.get(key));
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

    @Test
    void the_provider_is_the_email_channel_of_the_current_spi() {
        assertEquals("email", provider.id());
        assertEquals(NotifierSpi.VERSION, provider.spiVersion());
    }

    @Test
    void without_a_host_the_channel_is_off() {
        assertFalse(provider.isEnabled(context(Map.of())));
        assertFalse(provider.isEnabled(context(Map.of("host", "  "))));
        assertTrue(provider.isEnabled(context(Map.of("host", "smtp.example.org"))));
    }

    @Test
    void a_host_without_a_sender_is_a_clear_configuration_error() {
        NotifierConfigurationException e = assertThrows(NotifierConfigurationException.class,
                () -> provider.create(context(Map.of("host", "smtp.example.org"))));

        assertEquals("TOKENDESK_SMTP_FROM is required when TOKENDESK_SMTP_HOST is set, for example"
                + " tokendesk@example.org", e.getMessage());
    }

    @Test
    void the_notifier_never_shows_the_password() {
        Map<String, String> settings = new HashMap<>(Map.of("host", "smtp.example.org", "from", "td@example.org",
                "username", "mailer", "password", PASSWORD));

        Notifier notifier = provider.create(context(settings));

        assertEquals("EmailNotifier[EmailSettings[host=smtp.example.org, port=587, tls=starttls, username=mailer,"
                + " password=****, from=td@example.org]]", notifier.toString());
        settings.remove("username");
        NotifierConfigurationException e = assertThrows(NotifierConfigurationException.class,
                () -> provider.create(context(settings)));
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void the_service_loader_finds_the_provider_on_the_module_path() {
        getClass().getModule().addUses(NotifierProvider.class);

        List<String> ids = ServiceLoader.load(NotifierProvider.class).stream().map(p -> p.get().id()).toList();

        assertTrue(getClass().getModule().isNamed(), "tests must run on the module path");
        assertEquals(List.of("email"), ids);
    }

    @Test
    void angus_provides_smtp_and_smtps_from_the_module_path() throws Exception {
        Session session = Session.getInstance(new Properties());

        Transport smtp = session.getTransport("smtp");
        Transport smtps = session.getTransport("smtps");

        assertInstanceOf(SMTPTransport.class, smtp);
        assertInstanceOf(SMTPTransport.class, smtps);
        assertEquals("org.eclipse.angus.mail", smtp.getClass().getModule().getName());
        assertEquals("jakarta.mail", Session.class.getModule().getName());
    }

    @Test
    void the_mail_texts_are_readable_inside_the_packaged_module() throws Exception {
        for (String name : new String[] {"mail_en.properties", "mail_de.properties"}) {
            try (InputStream in = getClass().getModule()
                    .getResourceAsStream("org/tokendesk/notifier/email/internal/" + name)) {
                assertNotNull(in, name);
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("subject="), name);
            }
        }
    }

    @Test
    void the_jar_also_declares_the_provider_for_the_class_path() throws Exception {
        try (InputStream in = getClass().getModule()
                .getResourceAsStream("META-INF/services/org.tokendesk.notifier.spi.NotifierProvider")) {
            assertNotNull(in);
            assertEquals(EmailNotifierProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
