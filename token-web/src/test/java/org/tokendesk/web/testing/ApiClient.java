package org.tokendesk.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for tests: keeps the session cookie, sends the CSRF token or a Bearer key,
 * and returns status, headers and parsed JSON.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;
    private String bearer;
    private String email;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        // HTTP/1.1 as gateways speak it, without the h2c upgrade offer (a Connection header) that
        // would hand every connection to Jetty: node tests' checks go through the CheckConnection
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A client of any tokendesk-speaking address: a node in another process, or a gateway in front of one. */
    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl);
    }

    public ApiClient signIn(String email, String password) {
        Response r = post("/api/v1/session", Map.of("email", email, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + r.status() + " " + r.body());
        }
        csrf = r.json().get("csrfToken").asText();
        this.email = email;
        return this;
    }

    /** @return the email this client signed in with, or null */
    public String email() {
        return email;
    }

    public ApiClient withBearer(String key) {
        this.bearer = key;
        return this;
    }

    public ApiClient withoutCsrf() {
        this.csrf = null;
        return this;
    }

    public String csrf() {
        return csrf;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Every secret sent or received, for the suite's final "no secret in a log" check. */
    private static void rememberSecrets(byte[] sent, String contentType, String received) {
        try {
            if (sent != null && sent.length > 0 && sent[0] == '{') {
                SecretsSeen.rememberFields(JSON.readTree(sent));
            }
            if (contentType != null && contentType.contains("json") && received.startsWith("{")) {
                SecretsSeen.rememberFields(JSON.readTree(received));
            }
        } catch (IOException e) {
            // not JSON after all: nothing to remember
        }
    }

    /** The body may be a String (sent as is), a byte[], or an object (sent as JSON). */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
            byte[] bytes = body == null ? null
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
            b.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (bytes != null) {
                b.header("Content-Type", "application/json");
            }
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            headers.forEach(b::header);
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
            rememberSecrets(bytes, h.get("content-type"), response.body());
            return new Response(response.statusCode(), h, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the request over a plain socket exactly as given: the caller chooses the framing
     * headers ({@code Content-Length}, {@code Transfer-Encoding}) and may send less body than they
     * announce. The session cookie, CSRF token and Bearer key are added as usual. This lets a test
     * show that a size limit is enforced from the headers or from the stream, without racing a
     * server that closes the connection while a large body is still arriving.
     */
    public Response sendRaw(String method, String path, Map<String, String> headers, byte[] body) {
        URI uri = URI.create(baseUrl + path);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", uri.getHost() + ":" + uri.getPort());
        all.put("Connection", "close");
        try {
            http.cookieHandler().orElseThrow().get(uri, Map.of()).forEach((name, values) -> {
                if (name.equalsIgnoreCase("Cookie") && !values.isEmpty()) {
                    all.put("Cookie", String.join("; ", values));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (csrf != null) {
            all.put("X-CSRF-Token", csrf);
        }
        if (bearer != null) {
            all.put("Authorization", "Bearer " + bearer);
        }
        all.putAll(headers);
        StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse(new java.io.BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One HTTP/1.1 response read off a connection; the stream stays open for the next one. */
    public static Response readResponse(java.io.InputStream in) throws IOException {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), l.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        byte[] body;
        if (code == 204 || code == 304) {
            body = new byte[0]; // no body, whatever the headers say (RFC 9112 section 6.3)
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            java.io.ByteArrayOutputStream decoded = new java.io.ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                decoded.write(in.readNBytes(size));
                line(in);
            }
            body = decoded.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Response(code, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static int chunkSize(String line) {
        return line == null ? 0 : Integer.parseInt(line.split(";")[0].strip(), 16);
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** Creates an account (the caller must be a platform admin) and returns its SID. */
    public String createAccount(String name) {
        Response r = post("/api/v1/accounts", Map.of("name", name));
        if (r.status() != 201) {
            throw new IllegalStateException("account creation failed: " + r.status() + " " + r.body());
        }
        return r.text("accountSid");
    }

    /** Enables legacy tokens on the account (the caller must be its admin) and reveals both tokens. */
    public LegacyTokens enableLegacyTokens(String accountSid) {
        Response enabled = post("/api/v1/accounts/" + accountSid + "/legacy-token", null);
        if (enabled.status() != 201) {
            throw new IllegalStateException("enabling legacy tokens failed: " + enabled.status() + " " + enabled.body());
        }
        Response credentials = get("/api/v1/accounts/" + accountSid + "/legacy-token/credentials");
        if (credentials.status() != 200) {
            throw new IllegalStateException("revealing failed: " + credentials.status() + " " + credentials.body());
        }
        JsonNode c = credentials.json();
        return new LegacyTokens(accountSid, c.get("readWrite").get("authToken").asText(),
                c.get("readOnly").get("authToken").asText());
    }

    /** Makes the operator a member with the role (the caller must be allowed to). */
    public void putMember(String accountSid, String memberEmail, String role) {
        Response r = put("/api/v1/accounts/" + accountSid + "/members/" + memberEmail, Map.of("role", role));
        if (r.status() != 200) {
            throw new IllegalStateException("membership change failed: " + r.status() + " " + r.body());
        }
    }

    /** {@code GET /v1/auth/check} with Basic credentials and optional extra headers. */
    public Response check(String accountSid, String token, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", basic(accountSid, token));
        ApiClient anonymous = new ApiClient(baseUrl);
        return anonymous.send("GET", "/v1/auth/check", null, all);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param status HTTP status
     * @param headers lower-cased names
     * @param body the body text
     */
    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String text(String field) {
            return json().get(field).asText();
        }
    }
}
