package org.tokendesk.notifier.email.internal;

import java.util.Map;
import java.util.Set;

/**
 * Fills {@code {name}} placeholders in one pass, so a value that itself contains {@code {…}}
 * is never expanded again. The HTML form escapes the template text and every value, and turns
 * link values into anchors.
 */
final class Template {

    private Template() {
    }

    static String text(String template, Map<String, String> values) {
        return render(template, values, Set.of(), false);
    }

    static String html(String template, Map<String, String> values, Set<String> links) {
        return render(template, values, links, true);
    }

    private static String render(String template, Map<String, String> values, Set<String> links, boolean html) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(html ? escape(template.substring(i)) : template.substring(i));
                break;
            }
            String literal = template.substring(i, open);
            out.append(html ? escape(literal) : literal);
            String key = template.substring(open + 1, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("mail text uses unknown placeholder {" + key + "}");
            }
            if (!html) {
                out.append(value);
            } else if (links.contains(key) && (value.startsWith("https://") || value.startsWith("http://"))) {
                out.append("<a href=\"").append(escape(value)).append("\">").append(escape(value)).append("</a>");
            } else {
                out.append(escape(value));
            }
            i = close + 1;
        }
        return html ? out.toString().replace("\n", "<br>\n") : out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
