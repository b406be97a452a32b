package org.tokendesk.web.check;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.usage.ClientInfo;

/**
 * What a gateway's {@code GET /v1/auth/check} carries, read from its headers in this one place, so
 * the Javalin route and the {@link CheckFront} cannot read them differently.
 *
 * @param authorization the {@code Authorization} header (a secret: never logged, masked in {@link #toString})
 * @param method the method being authorized ({@code X-Original-Method}, else {@code X-Forwarded-Method}, else GET)
 * @param userAgent the client's {@code User-Agent}, or null
 * @param originalUri the URI the gateway was asked for ({@code X-Original-URI}, else {@code X-Forwarded-Uri}), or null
 */
public record CheckInput(String authorization, String method, String userAgent, String originalUri) {

    /** @param header the request's header of a name, or null */
    public static CheckInput from(UnaryOperator<String> header) {
        return new CheckInput(header.apply("Authorization"),
                method(header.apply("X-Original-Method"), header.apply("X-Forwarded-Method")),
                header.apply("User-Agent"),
                firstPresent(header.apply("X-Original-URI"), header.apply("X-Forwarded-Uri")));
    }

    /** Runs the check this input asks for, from the given client address. */
    public CheckResult checkWith(Checker checker, String clientAddress) {
        return checkInMemoryWith((sid, token, m, client) -> Optional.of(checker.check(sid, token, m, client)),
                clientAddress).orElseThrow();
    }

    /**
     * The answer this input gets from memory alone, or empty when it needs the database; nothing
     * is recorded then ({@code CredentialCheck.checkInMemory}).
     */
    public Optional<CheckResult> checkInMemoryWith(MemoryChecker checker, String clientAddress) {
        var credentials = BasicCredentials.parse(authorization);
        ClientInfo client = client(clientAddress);
        return credentials.isEmpty()
                ? checker.checkInMemory(null, null, method, client)
                : checker.checkInMemory(credentials.get().accountSid(), credentials.get().authToken(), method, client);
    }

    /** The client as the check records it (old-token sightings, recent clients). */
    public ClientInfo client(String clientAddress) {
        return new ClientInfo(clientAddress, userAgent, originalUri);
    }

    static String method(String primary, String secondary) {
        String m = firstPresent(primary, secondary);
        return m == null ? "GET" : m.strip().toUpperCase(Locale.ROOT);
    }

    private static String firstPresent(String primary, String secondary) {
        if (primary != null && !primary.isBlank()) {
            return primary;
        }
        return secondary == null || secondary.isBlank() ? null : secondary;
    }

    @Override
    public String toString() {
        return "CheckInput[authorization=masked, method=" + method + "]";
    }

    /** The credential check ({@code CredentialCheck::check}); an interface so the front can be tested alone. */
    @FunctionalInterface
    public interface Checker {
        CheckResult check(String accountSid, String authToken, String method, ClientInfo client);
    }

    /**
     * The credential check from memory alone ({@code CredentialCheck::checkInMemory}): the answer,
     * or empty when the database must be asked. Never blocks.
     */
    @FunctionalInterface
    public interface MemoryChecker {
        Optional<CheckResult> checkInMemory(String accountSid, String authToken, String method, ClientInfo client);
    }
}
