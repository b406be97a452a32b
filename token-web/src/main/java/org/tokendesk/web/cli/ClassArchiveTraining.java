package org.tokendesk.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * What the training start of {@link ClassArchiveCommand} is asked, so that its archive holds the
 * classes of a start and of the first requests: readiness, signing in, an account with legacy
 * tokens, its credentials, valid and refused checks, a page and the metrics. Nothing of it outlives
 * the training's throwaway database.
 */
final class ClassArchiveTraining {

    static final String EMAIL = "class-archive@tokendesk.invalid";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    private String csrf;

    private ClassArchiveTraining(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Waits for the node to be ready (or to exit, or the deadline), then sends the requests. */
    static void run(String base, String email, String password, Process node, Instant deadline) {
        ClassArchiveTraining training = new ClassArchiveTraining(base);
        training.awaitReady(node, deadline);
        training.exercise(email, password);
    }

    private void awaitReady(Process node, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (!node.isAlive()) {
                throw new IllegalStateException("it exited with " + node.exitValue());
            }
            try {
                if (send("GET", "/health/ready", null, Map.of()).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // asked again after the pause
            }
            try {
                node.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        throw new IllegalStateException("it was not ready in time");
    }

    private void exercise(String email, String password) {
        csrf = json("POST", "/api/v1/session", Map.of("email", email, "password", password)).path("csrfToken").asText();
        String sid = json("POST", "/api/v1/accounts", Map.of("name", "Class archive training")).path("accountSid").asText();
        json("POST", "/api/v1/accounts/" + sid + "/legacy-token", null);
        JsonNode credentials = json("GET", "/api/v1/accounts/" + sid + "/legacy-token/credentials", null);
        String token = credentials.path("readWrite").path("authToken").asText();
        String valid = basic(sid, token);
        for (int i = 0; i < 50; i++) {
            expect(204, send("GET", "/v1/auth/check", null, Map.of("Authorization", valid)));
        }
        expect(401, send("GET", "/v1/auth/check", null, Map.of("Authorization", basic(sid, token + "x"))));
        expect(200, send("GET", "/", null, Map.of()));
        expect(200, send("GET", "/metrics", null, Map.of()));
    }

    private static String basic(String sid, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode json(String method, String path, Object body) {
        HttpResponse<String> r = send(method, path, body, Map.of());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode());
        }
        try {
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON");
        }
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " answered "
                    + r.statusCode() + ", not " + status);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            request.header("Content-Type", "application/json");
            if (csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
