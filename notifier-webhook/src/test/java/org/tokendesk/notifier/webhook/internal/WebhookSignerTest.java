package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.webhook.internal.Fixtures.OTHER_SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.SECRET;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    // The test vector published with the Standard Webhooks specification.
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signature_matches_the_published_test_vector() {
        String signature = WebhookSigner.of(List.of(SECRET)).sign(MSG_ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8));

        assertEquals(EXPECTED, signature);
    }

    @Test
    void the_reference_library_agrees_on_the_test_vector() throws Exception {
        assertEquals(EXPECTED, new Webhook(SECRET).sign(MSG_ID, TIMESTAMP, BODY));
    }

    @Test
    void signature_verifies_with_an_independent_implementation() throws Exception {
        String body = "{\"type\":\"token.reset\",\"data\":{\"integrationName\":\"Zoë's \\\"sync\\\"\"}}";
        String signature = WebhookSigner.of(List.of(SECRET)).sign("msg_1", 1700000000L, body.getBytes(StandardCharsets.UTF_8));

        assertTrue(IndependentVerifier.verifies(SECRET, "msg_1", "1700000000", body, signature));
        assertFalse(IndependentVerifier.verifies(SECRET, "msg_2", "1700000000", body, signature));
        assertFalse(IndependentVerifier.verifies(SECRET, "msg_1", "1700000001", body, signature));
    }

    @Test
    void two_secrets_give_two_space_separated_signatures_newest_first() throws Exception {
        String signature = WebhookSigner.of(List.of(OTHER_SECRET, SECRET))
                .sign(MSG_ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8));

        String[] parts = signature.split(" ");
        assertEquals(2, parts.length);
        assertEquals(EXPECTED, parts[1]);
        assertTrue(IndependentVerifier.verifies(OTHER_SECRET, MSG_ID, Long.toString(TIMESTAMP), BODY, parts[0]));
    }

    @Test
    void a_secret_without_the_prefix_is_accepted_as_plain_base64() {
        String signature = WebhookSigner.of(List.of(SECRET.substring("whsec_".length())))
                .sign(MSG_ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8));

        assertEquals(EXPECTED, signature);
    }

    @Test
    void a_malformed_secret_is_reported_by_position_without_showing_it() {
        String malformed = "whsec_not*base64!secretvalue";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookSigner.of(List.of(SECRET, malformed)));

        assertTrue(e.getMessage().contains("#2"), e.getMessage());
        assertFalse(e.getMessage().contains("secretvalue"), e.getMessage());
        assertFalse(e.getMessage().contains("*"), e.getMessage());
    }

    @Test
    void a_recipient_without_secrets_cannot_be_signed_for() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookSigner.of(List.of()));

        assertTrue(e.getMessage().contains("no webhook signing secret"), e.getMessage());
    }

    @Test
    void to_string_never_shows_a_key() {
        String text = WebhookSigner.of(List.of(SECRET, OTHER_SECRET)).toString();

        assertFalse(text.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), text);
        assertFalse(text.contains(OTHER_SECRET.substring(6)), text);
        assertEquals("WebhookSigner[2 keys, masked]", text);
    }
}
