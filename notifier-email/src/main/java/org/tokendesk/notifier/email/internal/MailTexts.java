package org.tokendesk.notifier.email.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/**
 * The wording of notice mails in English and German.
 *
 * <p>The texts are read from this package's {@code mail_*.properties} with
 * {@link Class#getResourceAsStream}, not with {@code ResourceBundle}: in a named module
 * {@code ResourceBundle} cannot be told to skip the JVM's default locale, so a French recipient on
 * a German server would get German instead of the English fallback.
 */
final class MailTexts {

    private static final Properties ENGLISH = load("mail_en.properties", null);
    private static final Properties GERMAN = load("mail_de.properties", ENGLISH);
    private static final Set<String> LINKS = Set.of("credentialsUrl", "acknowledgeUrl");
    /**
     * Types that announce or call off a reset: the owner has nothing to update yet (or at all), so
     * their mails never ask to confirm an update, even if a notice carried a link.
     */
    private static final Set<String> ANNOUNCEMENTS = Set.of(Notice.TOKEN_RESET_SCHEDULED,
            Notice.TOKEN_SCHEDULED_RESET_CANCELLED);

    private MailTexts() {
    }

    static MailContent render(Notice notice, Recipient recipient) {
        boolean german = "de".equals(recipient.locale().getLanguage());
        Locale locale = german ? Locale.GERMAN : Locale.ENGLISH;
        Properties texts = german ? GERMAN : ENGLISH;
        String type = notice.type();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(texts.getProperty("date.pattern"), locale)
                .withZone(ZoneOffset.UTC);

        Map<String, String> values = new HashMap<>();
        values.put("ownerName", recipient.ownerName());
        values.put("accountSid", notice.accountSid());
        values.put("scope", texts.getProperty("scope." + notice.scope(), notice.scope()));
        values.put("resetAt", dates.format(notice.resetAt()));
        values.put("resetBy", notice.resetBy());
        values.put("hint", notice.previousTokenHint());
        values.put("integrationName", notice.integrationName());
        values.put("credentialsUrl", notice.credentialsUrl().toString());
        notice.oldTokenValidUntil().map(dates::format).ifPresent(v -> values.put("oldTokenValidUntil", v));
        notice.acknowledgeUrl().map(URI::toString).ifPresent(v -> values.put("acknowledgeUrl", v));
        notice.staleUse().ifPresent(use -> {
            values.put("staleCount", String.format(locale, "%,d", use.count()));
            values.put("staleClients", String.format(locale, "%,d", use.clients()));
            values.put("staleFirstSeenAt", dates.format(use.firstSeenAt()));
            values.put("staleLastSeenAt", dates.format(use.lastSeenAt()));
        });

        List<String> paragraphs = paragraphs(texts, notice);

        String subject = Template.text(text(texts, "subject", type), values);
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage())
                .append("\">\n<head><meta charset=\"UTF-8\"><title>").append(Template.escape(subject))
                .append("</title></head>\n<body>\n");
        for (String paragraph : paragraphs) {
            plain.append(Template.text(paragraph, values)).append("\n\n");
            html.append("<p>").append(Template.html(paragraph, values, LINKS)).append("</p>\n");
        }
        html.append("</body>\n</html>\n");
        return new MailContent(locale, subject, plain.toString().stripTrailing() + "\n", html.toString());
    }

    /** The paragraphs a notice's type calls for, as templates, in order. */
    private static List<String> paragraphs(Properties texts, Notice notice) {
        String type = notice.type();
        boolean cancelled = Notice.TOKEN_SCHEDULED_RESET_CANCELLED.equals(type);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(text(texts, "greeting", type));
        paragraphs.add(text(texts, "what", type));
        // a cancelled reset ends no token, so there is no grace period to speak of
        boolean grace = notice.oldTokenValidUntil().isPresent() && !cancelled;
        paragraphs.add(text(texts, grace ? "old.grace" : "old.stops", type));
        // the counts line needs the summary; a stale-use notice without one keeps the general line
        boolean countsMissing = Notice.TOKEN_STALE_USE.equals(type) && notice.staleUse().isEmpty();
        paragraphs.add(countsMissing ? texts.getProperty("integration") : text(texts, "integration", type));
        if (!cancelled) {
            paragraphs.add(text(texts, "where", type));
        }
        paragraphs.add(text(texts, "unexpected", type));
        if (notice.acknowledgeUrl().isPresent() && !ANNOUNCEMENTS.contains(type)) {
            paragraphs.add(text(texts, "acknowledge", type));
        }
        paragraphs.add(text(texts, "footer", type));
        return paragraphs;
    }

    /** The text for a notice type ({@code what.token.stale_use}), else the general one ({@code what}). */
    private static String text(Properties texts, String key, String type) {
        String text = texts.getProperty(key + "." + type, texts.getProperty(key));
        if (text == null) {
            throw new IllegalStateException("mail text '" + key + "' is missing");
        }
        return text;
    }

    private static Properties load(String name, Properties defaults) {
        Properties texts = new Properties(defaults);
        try (InputStream in = MailTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("mail texts " + name + " are missing from the module");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
