package org.tokendesk.web.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tokendesk.web.testing.ApiClient;

/**
 * The OpenAPI document as a test oracle: which operations it names, and whether an actual answer
 * (status, content type, documented headers, JSON body) is what it says for that operation. A
 * small validator for the JSON Schema subset the document uses: $ref, type (also lists, with
 * null), properties, required, additionalProperties false, items, enum, oneOf, pattern, date-time.
 */
final class OpenApiContract {

    /**
     * The paths the contract covers; the operator's pages and their assets are not API. The owner's
     * acknowledgement link is: integration owners and their tools call it.
     */
    static boolean isApi(String path) {
        return path.startsWith("/v1/") || path.startsWith("/api/") || path.startsWith("/health/")
                || path.equals("/metrics") || path.equals("/openapi.json") || path.startsWith("/ack/");
    }

    private final JsonNode doc;
    private final Set<String> exercised = new TreeSet<>();

    OpenApiContract(JsonNode doc) {
        this.doc = doc;
    }

    /** Every operation as {@code METHOD path}, path as templated in the document. */
    Set<String> operations() {
        Set<String> out = new TreeSet<>();
        doc.get("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(m)) {
                out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        return out;
    }

    Set<String> exercised() {
        return exercised;
    }

    /** Asserts the answer is one the document describes for this request; returns the answer. */
    ApiClient.Response conforms(String method, String actualPath, ApiClient.Response r) {
        String path = actualPath.contains("?") ? actualPath.substring(0, actualPath.indexOf('?')) : actualPath;
        String template = template(path);
        JsonNode operation = doc.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        String where = method + " " + template + " → " + r.status();
        assertTrue(operation != null, () -> "the document has no " + method + " " + template);
        exercised.add(method + " " + template);
        JsonNode response = operation.get("responses").get(Integer.toString(r.status()));
        assertTrue(response != null, () -> where + " is not documented; body: " + r.body());
        response = resolve(response);
        JsonNode headers = response.path("headers");
        for (Iterator<String> names = headers.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equalsIgnoreCase("Set-Cookie")) {
                assertTrue(r.header(name) != null, () -> where + ": the documented header " + name + " is missing");
            }
        }
        JsonNode content = response.get("content");
        if (content == null) {
            assertTrue(r.body().isEmpty(), () -> where + ": a body where the document has none: " + r.body());
            return r;
        }
        String type = r.header("Content-Type");
        assertTrue(type != null, () -> where + ": no Content-Type");
        String mediaType = type.split(";")[0].strip();
        JsonNode media = content.get(mediaType);
        assertTrue(media != null, () -> where + ": Content-Type " + mediaType + " is not documented: " + content);
        if (mediaType.endsWith("json")) {
            List<String> errors = new ArrayList<>();
            validate(media.get("schema"), r.json(), "body", errors);
            assertTrue(errors.isEmpty(), () -> where + ": " + errors + "\n" + r.body());
        }
        return r;
    }

    private String template(String path) {
        Set<String> matches = new LinkedHashSet<>();
        doc.get("paths").fieldNames().forEachRemaining(t -> {
            if (Pattern.matches(t.replaceAll("\\{[^/]+}", "[^/]+").replace(".", "\\."), path)) {
                matches.add(t);
            }
        });
        if (matches.isEmpty()) {
            return fail("no path of the document matches " + path);
        }
        // a literal segment wins over a parameter (…/legacy-token/credentials over …/{scope}/…)
        return matches.stream().min((a, b) -> Long.compare(a.chars().filter(c -> c == '{').count(),
                b.chars().filter(c -> c == '{').count())).get();
    }

    JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            String[] parts = n.get("$ref").asText().substring(2).split("/");
            JsonNode target = doc;
            for (String part : parts) {
                target = target.get(part.replace("~1", "/").replace("~0", "~"));
            }
            n = target;
        }
        return n;
    }

    void validate(JsonNode schema, JsonNode value, String at, List<String> errors) {
        JsonNode s = resolve(schema);
        if (s.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : s.get("oneOf")) {
                List<String> sub = new ArrayList<>();
                validate(option, value, at, sub);
                matching += sub.isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                errors.add(at + " matches " + matching + " of the oneOf options");
            }
            return;
        }
        if (s.has("type") && !typeMatches(s.get("type"), value)) {
            errors.add(at + " is " + value.getNodeType() + ", not " + s.get("type"));
            return;
        }
        if (value.isNull()) {
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(at + " = " + value + " is not one of " + s.get("enum"));
            }
        }
        if (value.isTextual() && s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(value.asText()).find()) {
            errors.add(at + " does not match " + s.get("pattern"));
        }
        if (value.isTextual() && "date-time".equals(s.path("format").asText())) {
            try {
                Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                errors.add(at + " is not an ISO-8601 instant: " + value);
            }
        }
        if (value.isArray() && s.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(s.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
        if (value.isObject()) {
            JsonNode properties = s.path("properties");
            for (JsonNode required : s.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(at + "." + required.asText() + " is required but missing");
                }
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode property = properties.get(field.getKey());
                JsonNode additional = s.get("additionalProperties");
                if (property != null) {
                    validate(property, field.getValue(), at + "." + field.getKey(), errors);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    errors.add(at + "." + field.getKey() + " is not in the document");
                } else if (additional != null && additional.isObject()) {
                    validate(additional, field.getValue(), at + "." + field.getKey(), errors);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
