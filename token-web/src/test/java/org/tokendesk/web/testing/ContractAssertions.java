package org.tokendesk.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Assertions for what API.md promises of every answer. */
public final class ContractAssertions {

    private ContractAssertions() {
    }

    /**
     * An RFC 9457 problem with the status: {@code application/problem+json}, {@code type},
     * {@code title}, {@code status} and {@code detail}, plus the security headers.
     *
     * @return the problem body
     */
    public static JsonNode assertProblem(ApiClient.Response r, int status) {
        assertEquals(status, r.status(), () -> "status of " + r.body());
        String contentType = r.header("Content-Type");
        assertNotNull(contentType, "Content-Type");
        assertTrue(contentType.startsWith("application/problem+json"), contentType);
        JsonNode p = r.json();
        for (String field : new String[] {"type", "title", "detail"}) {
            assertTrue(p.hasNonNull(field) && p.get(field).isTextual() && !p.get(field).asText().isBlank(),
                    () -> field + " missing in " + r.body());
        }
        assertEquals(status, p.get("status").asInt(), r.body());
        assertFalse(r.body().contains("Exception"), () -> "a stack trace or exception name in " + r.body());
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        return p;
    }

    /** A 400 problem with a field error for the field. */
    public static JsonNode assertFieldError(ApiClient.Response r, int status, String field) {
        JsonNode p = assertProblem(r, status);
        JsonNode errors = p.get("errors");
        assertNotNull(errors, () -> "no errors in " + r.body());
        boolean found = false;
        for (JsonNode e : errors) {
            found |= field.equals(e.path("field").asText()) && !e.path("message").asText().isBlank();
        }
        assertTrue(found, () -> "no error for field " + field + " in " + r.body());
        return p;
    }

    /** None of the secrets appears anywhere in the answer, headers included. */
    public static void assertNoSecret(ApiClient.Response r, String... secrets) {
        for (String secret : secrets) {
            assertFalse(r.body().contains(secret), "a secret in the body");
            r.headers().forEach((name, value) -> assertFalse(value.contains(secret), "a secret in header " + name));
        }
    }

    /** An ISO-8601 UTC timestamp such as {@code 2026-11-27T21:30:00Z}. */
    public static Instant assertTimestamp(JsonNode node) {
        assertNotNull(node, "timestamp missing");
        assertTrue(node.isTextual() && node.asText().endsWith("Z"), () -> "not an ISO-8601 UTC timestamp: " + node);
        return Instant.parse(node.asText());
    }
}
