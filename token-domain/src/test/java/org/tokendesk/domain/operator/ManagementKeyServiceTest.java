package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.secret.Base62;
import org.tokendesk.domain.testing.Fixture;

class ManagementKeyServiceTest {

    private final Fixture world = new Fixture();
    private final ManagementKeyService service = new ManagementKeyService(world.tx(), world.hasher(), world.random(),
            world.clock());
    private final Actor ada = world.operator("ada@example.com");
    private final Actor bob = world.operator("bob@example.com");

    private ManagementKeyService.CreatedKey create(Actor owner) {
        return service.create(owner, " deploy bot ", Fixture.ORIGIN);
    }

    @Test
    void a_created_key_is_tdmk_and_40_base62_characters() {
        String key = create(ada).secret().reveal();
        assertTrue(key.startsWith("tdmk_"));
        assertEquals(45, key.length());
        assertTrue(Base62.isBase62(key.substring(5)));
    }

    @Test
    void the_key_is_stored_only_as_its_hash() {
        var created = create(ada);
        String key = created.secret().reveal();
        assertFalse(world.tx().storesText(key));
        assertEquals(world.hasher().hash(key), created.key().keyHash());
        assertEquals("…" + key.substring(41), created.key().hint());
        assertEquals("deploy bot", created.key().name());
        assertEquals(world.clock().instant(), created.key().createdAt());
        assertNull(created.key().lastUsedAt());
    }

    @Test
    void creation_is_audited_without_the_key() {
        var created = create(ada);
        AuditEvent event = world.tx().auditEvents().get(0);
        assertEquals(AuditAction.KEY_CREATED, event.action());
        assertEquals(Map.of("keyId", created.key().id(), "name", "deploy bot"), event.details());
        assertNull(event.accountSid());
    }

    @Test
    void the_key_authenticates_its_owner() {
        String key = create(ada).secret().reveal();
        assertEquals(Optional.of(ada), service.authenticate(key));
    }

    @Test
    void other_bearer_values_do_not_authenticate() {
        String key = create(ada).secret().reveal();
        assertTrue(service.authenticate(key + "x").isEmpty());
        assertTrue(service.authenticate(key.replace("tdmk_", "tdrw_")).isEmpty());
        assertTrue(service.authenticate(null).isEmpty());
        assertTrue(service.authenticate("tdmk_" + "a".repeat(96)).isEmpty());
    }

    @Test
    void the_last_use_is_recorded_at_most_once_a_minute() {
        var created = create(ada);
        Instant first = world.clock().instant();
        service.authenticate(created.secret().reveal());
        assertEquals(first, service.list(ada).get(0).lastUsedAt());
        world.clock().advance(Duration.ofSeconds(30));
        service.authenticate(created.secret().reveal());
        assertEquals(first, service.list(ada).get(0).lastUsedAt());
        world.clock().advance(Duration.ofSeconds(31));
        service.authenticate(created.secret().reveal());
        assertEquals(world.clock().instant(), service.list(ada).get(0).lastUsedAt());
    }

    @Test
    void a_revoked_key_no_longer_authenticates() {
        var created = create(ada);
        service.revoke(ada, created.key().id(), Fixture.ORIGIN);
        assertTrue(service.authenticate(created.secret().reveal()).isEmpty());
        assertEquals(List.of(), service.list(ada));
        var events = world.tx().auditEvents();
        assertEquals(AuditAction.KEY_REVOKED, events.get(events.size() - 1).action());
    }

    @Test
    void another_operator_cannot_revoke_the_key() {
        var created = create(ada);
        assertThrows(NotFoundException.class, () -> service.revoke(bob, created.key().id(), Fixture.ORIGIN));
        assertEquals(Optional.of(ada), service.authenticate(created.secret().reveal()));
        assertThrows(NotFoundException.class, () -> service.revoke(ada, "key_unknown", Fixture.ORIGIN));
    }

    @Test
    void the_list_shows_only_the_operator_s_own_keys() {
        var mine = create(ada);
        create(bob);
        assertEquals(List.of(mine.key().id()), service.list(ada).stream().map(ManagementKey::id).toList());
    }

    @Test
    void two_keys_differ() {
        assertFalse(create(ada).secret().reveal().equals(create(ada).secret().reveal()));
    }

    @Test
    void blank_overlong_and_control_character_names_are_refused() {
        for (String name : new String[] {null, " ", "n".repeat(101), "bad\nname"}) {
            var e = assertThrows(ValidationException.class, () -> service.create(ada, name, Fixture.ORIGIN));
            assertEquals("name", e.errors().get(0).field());
        }
        assertEquals(List.of(), service.list(ada));
    }
}
