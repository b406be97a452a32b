package org.tokendesk.domain.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.WebhookSecrets;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.token.TokenScope;

/** The integration port as the domain relies on it. */
class InMemoryIntegrationStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);

    private Integration integration(String id) {
        return new Integration(id, sid, "Billing", "Ada", "ada@example.com", "en", URI.create("https://hooks.example/a"),
                Set.of(TokenScope.READ_WRITE), List.of("email", "webhook"), null, T0, T0);
    }

    private void insert(Integration i, byte[] secret) {
        world.tx().write(s -> {
            s.integrations().insert(i, new WebhookSecrets(secret, null, null));
            return null;
        });
    }

    private boolean delete(AccountSid account, String id) {
        return world.tx().write(s -> s.integrations().delete(account, id));
    }

    @Test
    void turning_a_webhook_off_keeps_everything_else() {
        insert(integration("int_1"), new byte[] {1});
        world.tx().write(s -> {
            s.integrations().disableWebhook("int_1", "HTTP 410", T0.plusSeconds(60));
            return null;
        });
        Integration stored = world.tx().read(s -> s.integrations().find(sid, "int_1")).orElseThrow();
        assertEquals("HTTP 410", stored.webhookDisabledReason());
        assertEquals(List.of("email"), stored.activeChannels());
        assertEquals(T0, stored.updatedAt());
    }

    @Test
    void deleting_takes_the_secrets_along_and_an_unknown_id_is_not_deleted() {
        insert(integration("int_1"), new byte[] {1});
        assertTrue(delete(sid, "int_1"));
        assertFalse(delete(sid, "int_1"));
        assertEquals(Optional.empty(), world.tx().read(s -> s.integrations().secrets("int_1")));
        assertEquals(List.of(), world.tx().read(s -> s.integrations().allIds()));
    }

    @Test
    void stored_secrets_cannot_be_changed_through_the_returned_arrays() {
        byte[] secret = {1, 2, 3};
        insert(integration("int_1"), secret);
        secret[0] = 9;
        world.tx().read(s -> s.integrations().secrets("int_1")).orElseThrow().current()[1] = 9;
        WebhookSecrets stored = world.tx().read(s -> s.integrations().secrets("int_1")).orElseThrow();
        assertArrayEquals(new byte[] {1, 2, 3}, stored.current());
        assertNull(stored.previous());
    }

    @Test
    void an_integration_is_found_only_in_its_own_account() {
        insert(integration("int_1"), new byte[] {1});
        AccountSid other = world.account("Other", admin);
        assertTrue(world.tx().read(s -> s.integrations().find(other, "int_1")).isEmpty());
        assertFalse(delete(other, "int_1"));
        assertEquals(List.of(), world.tx().read(s -> s.integrations().list(other)));
    }
}
