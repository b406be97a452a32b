package org.tokendesk.notifier.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.email.internal.Fixtures.PASSWORD;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.NotifierConfigurationException;

class EmailSettingsTest {

    private static EmailSettings settings(Map<String, String> values) {
        return EmailSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    private static Map<String, String> base(String... more) {
        Map<String, String> values = new HashMap<>(Map.of("host", "smtp.example.org", "from", "td@example.org"));
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return values;
    }

    private static String problem(Map<String, String> values) {
        return assertThrows(NotifierConfigurationException.class, () -> settings(values)).getMessage();
    }

    @Test
    void the_port_defaults_to_the_one_of_the_tls_mode() {
        assertEquals(25, settings(base("tls", "none")).port());
        assertEquals(587, settings(base("tls", "STARTTLS")).port());
        assertEquals(465, settings(base("tls", "smtps")).port());
        assertEquals(Tls.STARTTLS, settings(base()).tls());
        assertEquals(2525, settings(base("port", "2525")).port());
    }

    @Test
    void wrong_values_name_the_setting_to_fix() {
        assertTrue(problem(base("tls", "ssl")).startsWith("TOKENDESK_SMTP_TLS must be none, starttls or smtps"));
        assertTrue(problem(base("port", "70000")).startsWith("TOKENDESK_SMTP_PORT"));
        assertTrue(problem(base("port", "smtp")).startsWith("TOKENDESK_SMTP_PORT"));
        assertTrue(problem(base("from", "not an address")).startsWith("TOKENDESK_SMTP_FROM is not a valid"));
        assertTrue(problem(Map.of("from", "td@example.org")).startsWith("TOKENDESK_SMTP_HOST"));
    }

    @Test
    void username_and_password_come_together_and_the_password_is_never_in_the_message() {
        String message = problem(base("password", PASSWORD));

        assertTrue(message.contains("TOKENDESK_SMTP_USERNAME is not"), message);
        assertFalse(message.contains(PASSWORD), message);
        assertTrue(problem(base("username", "mailer")).contains("TOKENDESK_SMTP_PASSWORD is not"));
    }

    @Test
    void to_string_masks_the_password() {
        String text = settings(base("username", "mailer", "password", PASSWORD)).toString();

        assertFalse(text.contains(PASSWORD), text);
        assertTrue(text.contains("password=****"), text);
    }

    @Test
    void every_mode_sets_connect_read_and_write_timeouts() {
        for (String tls : new String[] {"none", "starttls", "smtps"}) {
            Properties props = SmtpSessions.properties(settings(base("tls", tls)), "tokendesk.test");
            String protocol = tls.equals("smtps") ? "smtps" : "smtp";

            assertEquals("10000", props.getProperty("mail." + protocol + ".connectiontimeout"), tls);
            assertEquals("10000", props.getProperty("mail." + protocol + ".timeout"), tls);
            assertEquals("10000", props.getProperty("mail." + protocol + ".writetimeout"), tls);
            assertEquals("tokendesk.test", props.getProperty("mail." + protocol + ".localhost"), tls);
        }
    }

    @Test
    void starttls_is_required_not_merely_attempted_and_server_identity_is_checked() {
        Properties starttls = SmtpSessions.properties(settings(base()), "tokendesk.test");
        Properties smtps = SmtpSessions.properties(settings(base("tls", "smtps")), "tokendesk.test");

        assertEquals("true", starttls.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", smtps.getProperty("mail.smtps.ssl.checkserveridentity"));
        assertEquals("smtps", smtps.getProperty("mail.transport.protocol"));
    }

    @Test
    void a_login_turns_smtp_authentication_on() {
        assertEquals("true", SmtpSessions.properties(settings(base("username", "u", "password", "p")), "x")
                .getProperty("mail.smtp.auth"));
        assertEquals("false", SmtpSessions.properties(settings(base()), "x").getProperty("mail.smtp.auth"));
    }
}
