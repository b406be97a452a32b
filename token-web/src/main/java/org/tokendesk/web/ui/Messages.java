package org.tokendesk.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The pages' texts in one language, from {@code messages_<lang>.properties} read as UTF-8 (not
 * the ISO-8859-1 of {@link Properties#load(InputStream)}), so that German umlauts stay readable in
 * the files. A key missing in German falls back to English; a key missing everywhere shows itself.
 */
public final class Messages {

    /** The languages the pages speak, the first being the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private static final Map<String, Messages> ALL = Map.of("en", new Messages("en", load("en"), null),
            "de", new Messages("de", load("de"), load("en")));

    private final String lang;
    private final Locale locale;
    private final Properties texts;
    private final Properties fallback;
    private final DateTimeFormatter timeFormat;

    private Messages(String lang, Properties texts, Properties fallback) {
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang);
        this.texts = texts;
        this.fallback = fallback;
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneOffset.UTC);
    }

    /** @param lang one of {@link #LANGUAGES}; anything else gives English */
    public static Messages of(String lang) {
        return ALL.getOrDefault(lang, ALL.get("en"));
    }

    public String lang() {
        return lang;
    }

    public String get(String key) {
        String text = texts.getProperty(key);
        if (text == null && fallback != null) {
            text = fallback.getProperty(key);
        }
        return text == null ? key : text;
    }

    /** The text with {@code {0}}, {@code {1}} … filled in ({@link MessageFormat} rules). */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    /** A moment for people, in UTC; "Never" for none. */
    public String time(Instant instant) {
        return instant == null ? get("common.never") : timeFormat.format(instant) + " UTC";
    }

    /** The machine-readable form of a moment, for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static Properties load(String lang) {
        String name = "messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
