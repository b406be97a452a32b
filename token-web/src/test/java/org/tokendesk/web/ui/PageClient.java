package org.tokendesk.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript, for the server-side page tests: keeps cookies, follows no
 * redirect (so that each Location can be checked), sends forms as a browser does.
 */
final class PageClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String acceptLanguage = "en-US,en;q=0.9";
    private String csrf;

    PageClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    PageClient acceptLanguage(String value) {
        this.acceptLanguage = value;
        return this;
    }

    /** Signs in through the sign-in form; afterwards {@link #csrf()} is the session's token. */
    PageClient signIn(String email, String password) {
        Page form = get("/sign-in");
        Page done = post("/sign-in", Map.of("_csrf", form.csrfField(), "email", email, "password", password));
        if (done.status() != 303) {
            throw new IllegalStateException("sign-in failed: " + done.status() + " " + done.body());
        }
        csrf = get("/settings").followable(this).csrfMeta();
        return this;
    }

    String csrf() {
        return csrf;
    }

    /** This session's CSRF token with its first character changed: the same length and alphabet, never the same value. */
    String forgedCsrf() {
        char first = csrf.charAt(0) == 'A' ? 'B' : 'A';
        return first + csrf.substring(1);
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    /** A form post; each value is a String or a List of Strings (repeated fields). */
    Page post(String path, Map<String, ?> form) {
        return post(path, form, Map.of());
    }

    Page post(String path, Map<String, ?> form, Map<String, String> headers) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> {
            for (Object one : v instanceof List<?> list ? list : List.of(v)) {
                pairs.add(encode(k) + "=" + encode(String.valueOf(one)));
            }
        });
        var b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .header("Content-Type", "application/x-www-form-urlencoded");
        return send(b, headers);
    }

    /** A form post carrying this session's CSRF token. */
    Page submit(String path, Map<String, ?> form) {
        Map<String, Object> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf);
        return post(path, all);
    }

    private Page send(HttpRequest.Builder b, Map<String, String> headers) {
        b.timeout(Duration.ofSeconds(30)).header("Accept-Language", acceptLanguage);
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            return new Page(r.statusCode(), h, r.body(), r.uri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param headers lower-cased names
     * @param body the HTML
     * @param url where it came from
     */
    record Page(int status, Map<String, String> headers, String body, String url) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String location() {
            return header("location");
        }

        /** Follows a redirect once (as a browser would with GET). */
        Page followable(PageClient client) {
            if (status == 303 || status == 302) {
                return client.get(location());
            }
            return this;
        }

        String csrfMeta() {
            return find(CSRF_META);
        }

        String csrfField() {
            return find(CSRF_FIELD);
        }

        private String find(Pattern pattern) {
            Matcher m = pattern.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF token in the page: " + body);
            }
            return m.group(1);
        }

        @Override
        public String toString() {
            return status + " " + url + "\n" + body;
        }
    }
}
