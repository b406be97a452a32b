package org.tokendesk.web.ui;

import java.util.Locale;

/**
 * Which language a page is in: the operator's choice (the {@code tokendesk_lang} cookie set by the
 * language switch, else the operator's stored locale), else the browser's {@code Accept-Language},
 * else English.
 */
final class Language {

    static final String COOKIE = "tokendesk_lang";

    private Language() {
    }

    static String choose(String cookie, String operatorLocale, String acceptLanguage) {
        if (supported(cookie)) {
            return cookie;
        }
        if (operatorLocale != null) {
            String base = operatorLocale.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
            if (supported(base)) {
                return base;
            }
        }
        return fromAcceptLanguage(acceptLanguage);
    }

    static boolean supported(String lang) {
        return lang != null && Messages.LANGUAGES.contains(lang);
    }

    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Messages.LANGUAGES.get(0);
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String base = range.getRange().split("-", 2)[0];
                if (supported(base)) {
                    return base;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header we cannot read is no choice at all
        }
        return Messages.LANGUAGES.get(0);
    }
}
