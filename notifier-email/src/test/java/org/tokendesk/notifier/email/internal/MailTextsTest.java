package org.tokendesk.notifier.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.email.internal.Fixtures.cancelledReset;
import static org.tokendesk.notifier.email.internal.Fixtures.notice;
import static org.tokendesk.notifier.email.internal.Fixtures.recipient;
import static org.tokendesk.notifier.email.internal.Fixtures.scheduledReset;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.StaleUse;

class MailTextsTest {

    @Test
    void html_shows_every_value_as_text_never_as_markup() {
        MailContent mail = MailTexts.render(notice()
                .integrationName("<script>alert(1)</script>")
                .resetBy("\"mallory\" <m@example.org> & co")
                .build(), recipient(Locale.ENGLISH));

        assertFalse(mail.html().contains("<script>"), mail.html());
        assertTrue(mail.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), mail.html());
        assertTrue(mail.html().contains("&quot;mallory&quot; &lt;m@example.org&gt; &amp; co"), mail.html());
        assertTrue(mail.text().contains("\"<script>alert(1)</script>\""), mail.text());
    }

    @Test
    void a_link_that_is_not_http_is_shown_as_text_not_as_an_anchor() {
        MailContent mail = MailTexts.render(notice().credentialsUrl(URI.create("javascript:alert(1)")).build(),
                recipient(Locale.ENGLISH));

        assertFalse(mail.html().contains("href=\"javascript"), mail.html());
        assertTrue(mail.html().contains("javascript:alert(1)"), mail.html());
    }

    @Test
    void placeholders_inside_values_are_not_expanded_again() {
        MailContent mail = MailTexts.render(notice().integrationName("{resetBy} {nothing}").build(),
                recipient(Locale.ENGLISH));

        assertTrue(mail.text().contains("\"{resetBy} {nothing}\""), mail.text());
    }

    @Test
    void unknown_languages_fall_back_to_english_whatever_the_jvm_default() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals(Locale.ENGLISH, MailTexts.render(notice().build(), recipient(Locale.FRENCH)).locale());
            assertTrue(MailTexts.render(notice().build(), recipient(Locale.JAPAN)).subject().startsWith("[tokendesk] Auth Token reset"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void german_is_chosen_for_every_german_speaking_region() {
        for (String tag : new String[] {"de", "de-DE", "de-AT", "de-CH"}) {
            MailContent mail = MailTexts.render(notice().build(), recipient(Locale.forLanguageTag(tag)));

            assertEquals(Locale.GERMAN, mail.locale(), tag);
            assertTrue(mail.subject().contains("zurückgesetzt (Lese/Schreib)"), mail.subject());
        }
    }

    @Test
    void each_notice_type_gets_its_own_headline() {
        MailContent stale = MailTexts.render(notice().type(Notice.TOKEN_STALE_USE).build(), recipient(Locale.ENGLISH));
        MailContent scheduled = MailTexts.render(notice().type(Notice.TOKEN_RESET_SCHEDULED).build(),
                recipient(Locale.GERMAN));

        assertEquals("[tokendesk] Old Auth Token still in use for AC0123456789abcdef0123456789abcdef (read/write)",
                stale.subject());
        assertTrue(stale.text().contains("A client is still presenting the old Auth Token"), stale.text());
        assertTrue(scheduled.subject().contains("geplant"), scheduled.subject());
        assertTrue(scheduled.text().contains("Ab dann wird das aktuelle Token (endet auf …a1b2)"), scheduled.text());
    }

    @Test
    void a_scheduled_reset_is_told_in_the_future_tense_in_english_and_german() {
        MailContent en = MailTexts.render(scheduledReset().build(), recipient(Locale.ENGLISH));
        MailContent de = MailTexts.render(scheduledReset().build(), recipient(Locale.GERMAN));

        assertEquals(List.of(
                "Hello Dana Owner,",
                "ops@example.org scheduled a reset of the Auth Token of account AC0123456789abcdef0123456789abcdef"
                        + " (read/write) for 5 March 2026, 22:00 UTC.",
                "From then on, the current token (ending in …a1b2) will no longer pass authorization checks.",
                "Your integration \"Billing sync\" uses this token and will need the new one.",
                "The new token will never be sent by email. After the reset, an administrator of the account will"
                        + " find it under\nhttps://tokendesk.example.org/accounts/AC01/credentials",
                "If you did not expect this planned reset, contact the administrators of account"
                        + " AC0123456789abcdef0123456789abcdef before it takes place.",
                "This message was sent automatically by tokendesk."), paragraphs(en));
        assertEquals(List.of(
                "Hallo Dana Owner,",
                "ops@example.org hat das Zurücksetzen des Auth-Tokens des Kontos AC0123456789abcdef0123456789abcdef"
                        + " (Lese/Schreib) für den 5. März 2026, 22:00 UTC geplant.",
                "Ab dann wird das aktuelle Token (endet auf …a1b2) keine Autorisierungsprüfung mehr bestehen.",
                "Ihre Integration „Billing sync“ verwendet dieses Token und wird das neue brauchen.",
                "Das neue Token wird nie per E-Mail verschickt. Nach dem Zurücksetzen findet es eine Administratorin"
                        + " oder ein Administrator des Kontos unter\nhttps://tokendesk.example.org/accounts/AC01/credentials",
                "Falls Sie dieses geplante Zurücksetzen nicht erwartet haben, wenden Sie sich vor dem Termin an die"
                        + " Administratoren des Kontos AC0123456789abcdef0123456789abcdef.",
                "Diese Nachricht wurde automatisch von tokendesk verschickt."), paragraphs(de));
        assertEquals("[tokendesk] Zurücksetzen des Auth-Tokens für AC0123456789abcdef0123456789abcdef geplant (Lese/Schreib)",
                de.subject());
    }

    @Test
    void a_scheduled_reset_with_a_grace_period_says_until_when_the_token_will_keep_working() {
        Notice notice = scheduledReset().oldTokenValidUntil(Instant.parse("2026-03-06T22:00:00Z")).build();

        MailContent en = MailTexts.render(notice, recipient(Locale.ENGLISH));
        MailContent de = MailTexts.render(notice, recipient(Locale.GERMAN));

        assertEquals("After the reset, the current token (ending in …a1b2) will keep working until 6 March 2026,"
                + " 22:00 UTC; update your integration before then. After that it will no longer pass authorization"
                + " checks.", paragraphs(en).get(2));
        assertEquals("Nach dem Zurücksetzen wird das aktuelle Token (endet auf …a1b2) noch bis zum 6. März 2026,"
                + " 22:00 UTC funktionieren; stellen Sie Ihre Integration bis dahin um. Danach wird es keine"
                + " Autorisierungsprüfung mehr bestehen.", paragraphs(de).get(2));
    }

    @Test
    void a_cancelled_reset_says_the_token_keeps_working_and_nothing_needs_to_change() {
        MailContent en = MailTexts.render(cancelledReset().build(), recipient(Locale.ENGLISH));
        MailContent de = MailTexts.render(cancelledReset().build(), recipient(Locale.GERMAN));

        assertEquals("[tokendesk] Scheduled Auth Token reset cancelled for AC0123456789abcdef0123456789abcdef"
                + " (read/write)", en.subject());
        assertEquals(List.of(
                "Hello Dana Owner,",
                "lead@example.org cancelled the reset of the Auth Token of account AC0123456789abcdef0123456789abcdef"
                        + " (read/write) that was scheduled for 5 March 2026, 22:00 UTC.",
                "The current token (ending in …a1b2) keeps working, and no new token will be generated.",
                "Your integration \"Billing sync\" can keep using this token; you do not need to change anything.",
                "If you have questions about this change of plan, contact the administrators of account"
                        + " AC0123456789abcdef0123456789abcdef.",
                "This message was sent automatically by tokendesk."), paragraphs(en));
        assertEquals("[tokendesk] Geplantes Zurücksetzen des Auth-Tokens für AC0123456789abcdef0123456789abcdef"
                + " abgesagt (Lese/Schreib)", de.subject());
        assertEquals(List.of(
                "Hallo Dana Owner,",
                "lead@example.org hat das für den 5. März 2026, 22:00 UTC geplante Zurücksetzen des Auth-Tokens des"
                        + " Kontos AC0123456789abcdef0123456789abcdef (Lese/Schreib) abgesagt.",
                "Das aktuelle Token (endet auf …a1b2) funktioniert weiter, und es wird kein neues Token erzeugt.",
                "Ihre Integration „Billing sync“ kann dieses Token weiter verwenden; Sie müssen nichts ändern.",
                "Bei Fragen zu dieser Änderung wenden Sie sich an die Administratoren des Kontos"
                        + " AC0123456789abcdef0123456789abcdef.",
                "Diese Nachricht wurde automatisch von tokendesk verschickt."), paragraphs(de));
        for (MailContent mail : new MailContent[] {en, de}) {
            assertFalse(mail.html().contains("credentials"), "no way to a new token: " + mail.html());
        }
    }

    @Test
    void a_cancellation_speaks_of_no_grace_period_and_no_confirmation_even_if_the_notice_carried_them() {
        Notice notice = cancelledReset()
                .oldTokenValidUntil(Instant.parse("2026-03-06T22:00:00Z"))
                .acknowledgeUrl(URI.create("https://tokendesk.example.org/ack/one-time-link"))
                .build();

        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            MailContent mail = MailTexts.render(notice, recipient(locale));

            assertEquals(paragraphs(MailTexts.render(cancelledReset().build(), recipient(locale))), paragraphs(mail));
            assertFalse(mail.html().contains("/ack/"), mail.html());
        }
    }

    @Test
    void a_scheduled_reset_asks_for_no_confirmation_because_there_is_no_new_token_yet() {
        Notice notice = scheduledReset().acknowledgeUrl(URI.create("https://tokendesk.example.org/ack/one-time-link"))
                .build();

        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            MailContent mail = MailTexts.render(notice, recipient(locale));

            assertFalse(mail.text().contains("/ack/"), mail.text());
            assertFalse(mail.html().contains("/ack/"), mail.html());
        }
        // the executed reset still asks for it
        assertTrue(MailTexts.render(notice().acknowledgeUrl(URI.create("https://tokendesk.example.org/ack/one-time-link"))
                .build(), recipient(Locale.ENGLISH)).text().contains("confirm it here:\nhttps://tokendesk.example.org/ack/"));
    }

    @Test
    void every_english_text_has_a_german_one_so_no_german_mail_falls_back_to_english_sentences() throws Exception {
        Properties english = new Properties();
        Properties german = new Properties();
        try (InputStream en = MailTexts.class.getResourceAsStream("mail_en.properties");
                InputStream de = MailTexts.class.getResourceAsStream("mail_de.properties")) {
            english.load(new InputStreamReader(en, StandardCharsets.UTF_8));
            german.load(new InputStreamReader(de, StandardCharsets.UTF_8));
        }

        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(german.stringPropertyNames()));
    }

    /** The plain-text paragraphs of a mail, as the owner reads them. */
    private static List<String> paragraphs(MailContent mail) {
        return List.of(mail.text().strip().split("\n\n"));
    }

    @Test
    void a_stale_use_mail_says_how_often_from_how_many_clients_and_when_in_english_and_german() {
        StaleUse use = new StaleUse(1234, 3, Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:30:00Z"));
        Notice notice = notice().type(Notice.TOKEN_STALE_USE).staleUse(use).build();

        MailContent en = MailTexts.render(notice, recipient(Locale.ENGLISH));
        MailContent de = MailTexts.render(notice, recipient(Locale.GERMAN));

        assertTrue(en.text().contains("still used the old token 1,234 times from 3 clients"), en.text());
        assertTrue(en.text().contains("2 March 2026, 09:30 UTC"), en.text());
        assertTrue(en.html().contains("1,234 times from 3 clients"), en.html());
        assertTrue(de.text().contains("noch 1.234-mal von 3 Clients verwendet"), de.text());
        assertTrue(de.html().contains("Bitte stellen Sie sie auf das neue Token um."), de.html());
    }

    @Test
    void with_a_grace_period_the_mail_says_until_when_the_old_token_works_in_english_and_german() {
        Notice notice = notice().oldTokenValidUntil(Instant.parse("2026-12-01T14:00:00Z")).build();

        MailContent en = MailTexts.render(notice, recipient(Locale.ENGLISH));
        MailContent de = MailTexts.render(notice, recipient(Locale.GERMAN));

        String english = "The old token (ending in …a1b2) keeps working until 1 December 2026, 14:00 UTC; "
                + "update your integration before then.";
        String german = "Das alte Token (endet auf …a1b2) funktioniert noch bis zum 1. Dezember 2026, 14:00 UTC; "
                + "stellen Sie Ihre Integration bis dahin um.";
        assertTrue(en.text().contains(english), en.text());
        assertTrue(en.html().contains(english), en.html());
        assertTrue(de.text().contains(german), de.text());
        assertTrue(de.html().contains(german), de.html());
        for (MailContent mail : new MailContent[] {en, de}) {
            // the sentence for a reset without grace is not said as well
            assertFalse(mail.text().contains("…a1b2) no longer passes"), mail.text());
            assertFalse(mail.text().contains("…a1b2) besteht keine"), mail.text());
        }
    }

    @Test
    void without_a_grace_period_the_mail_says_the_old_token_stopped_working_in_english_and_german() {
        MailContent en = MailTexts.render(notice().build(), recipient(Locale.ENGLISH));
        MailContent de = MailTexts.render(notice().build(), recipient(Locale.GERMAN));

        assertTrue(en.html().contains("The old token (ending in …a1b2) no longer passes authorization checks."), en.html());
        assertFalse(en.text().contains("keeps working"), en.text());
        assertTrue(de.html().contains("Das alte Token (endet auf …a1b2) besteht keine Autorisierungsprüfung mehr."),
                de.html());
        assertFalse(de.text().contains("funktioniert noch"), de.text());
    }

    @Test
    void an_unknown_scope_is_shown_as_it_is() {
        MailContent mail = MailTexts.render(notice().scope("admin").build(), recipient(Locale.ENGLISH));

        assertTrue(mail.subject().endsWith("(admin)"), mail.subject());
    }

    @Test
    void a_template_with_an_unknown_placeholder_is_a_bug_not_a_silent_gap() {
        assertThrows(IllegalStateException.class, () -> Template.text("Hello {nobody}", Map.of()));
        assertEquals("a {b", Template.html("a {b", Map.of(), Set.of()));
    }

    @Test
    void message_ids_stay_valid_and_distinct_for_any_delivery_id() {
        assertEquals("msg_2Qf8ZpR3kT7vW1xY9aBcD", NoticeMessage.idPart("msg_2Qf8ZpR3kT7vW1xY9aBcD"));
        assertEquals("msg=3E=0D=0Ax", NoticeMessage.idPart("msg>\r\nx"));
        assertFalse(NoticeMessage.idPart("a b").equals(NoticeMessage.idPart("a_b")));
        assertEquals("a=2Eb=2E", NoticeMessage.idPart("a.b."));
    }
}
