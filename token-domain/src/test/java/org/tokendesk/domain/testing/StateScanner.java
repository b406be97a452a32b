package org.tokendesk.domain.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.tokendesk.domain.secret.TokenHash;

/** Looks for a text anywhere inside stored rows, including inside byte arrays and hashes. */
final class StateScanner {

    private StateScanner() {
    }

    static boolean contains(Object value, String text) {
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return s.contains(text);
        }
        if (value instanceof byte[] bytes) {
            return containsBytes(bytes, text.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof TokenHash hash) {
            return containsBytes(hash.bytes(), text.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof Map<?, ?> map) {
            return contains(map.keySet(), text) || contains(map.values(), text);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().anyMatch(item -> contains(item, text));
        }
        if (value instanceof Record row) {
            for (RecordComponent component : row.getClass().getRecordComponents()) {
                if (contains(componentValue(row, component), text)) {
                    return true;
                }
            }
            return false;
        }
        return value.toString().contains(text);
    }

    private static Object componentValue(Record row, RecordComponent component) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
