package org.tokendesk.notifier.webhook.internal;

/**
 * Writes a flat JSON object field by field. Only what the webhook body needs: string and
 * integer values and nested objects. Keeps the module free of a JSON library, which plugins would otherwise have to
 * carry into their own module layer.
 */
final class JsonObject {

    private final StringBuilder json = new StringBuilder("{");

    JsonObject put(String name, String value) {
        return putRaw(name, quote(value));
    }

    JsonObject put(String name, long value) {
        return putRaw(name, Long.toString(value));
    }

    JsonObject put(String name, JsonObject value) {
        return putRaw(name, value.toString());
    }

    private JsonObject putRaw(String name, String valueJson) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append(quote(name)).append(':').append(valueJson);
        return this;
    }

    @Override
    public String toString() {
        return json + "}";
    }

    /** A JSON string literal (RFC 8259 §7); U+2028/2029 are escaped for receivers that eval JavaScript. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || loneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A surrogate without its partner cannot be encoded as UTF-8, but can be escaped. */
    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
