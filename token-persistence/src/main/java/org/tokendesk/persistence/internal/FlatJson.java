package org.tokendesk.persistence.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A JSON object of string values, enough for audit details, without a JSON library here. */
final class FlatJson {

    private FlatJson() {
    }

    static String write(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(map).forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, k);
            out.append(':');
            quote(out, v);
        });
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static Map<String, String> read(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        int[] pos = {json.indexOf('{') + 1};
        while (true) {
            skipTo(json, pos, '"', '}');
            if (pos[0] >= json.length() || json.charAt(pos[0]) == '}') {
                return map;
            }
            String key = string(json, pos);
            skipTo(json, pos, '"', '}');
            map.put(key, string(json, pos));
        }
    }

    private static void skipTo(String json, int[] pos, char a, char b) {
        while (pos[0] < json.length() && json.charAt(pos[0]) != a && json.charAt(pos[0]) != b) {
            pos[0]++;
        }
    }

    private static String string(String json, int[] pos) {
        StringBuilder out = new StringBuilder();
        int i = pos[0] + 1;
        while (json.charAt(i) != '"') {
            char c = json.charAt(i);
            if (c == '\\') {
                char n = json.charAt(++i);
                if (n == 'u') {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    out.append(n);
                }
            } else {
                out.append(c);
            }
            i++;
        }
        pos[0] = i + 1;
        return out.toString();
    }
}
