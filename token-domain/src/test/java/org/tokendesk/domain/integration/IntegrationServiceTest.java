package org.tokendesk.domain.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.TokenScope;

class IntegrationServiceTest {

    private static final String HOOK = "https://hooks.example.com/tokendesk";

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final Actor viewer = world.operator("viewer@example.com");
    private final Actor stranger = world.operator("stranger@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final IntegrationService service = world.integrations(() -> new Channels(Set.of("email", "webhook", "slack")));

    IntegrationServiceTest() {
        world.member(sid, viewer, Role.VIEWER);
    }

    private static IntegrationDraft draft(String webhookUrl, List<String> channels) {
        return new IntegrationDraft("Billing sync", "Ada Lovelace", "ada@example.com", "de", webhookUrl,
                List.of("read_write"), channels);
    }

    private static IntegrationDraft patch() {
        return new IntegrationDraft(null, null, null, null, null, null, null);
    }

    private IntegrationService.WithSecret create(String webhookUrl) {
        return service.create(admin, sid, draft(webhookUrl, null), Fixture.ORIGIN);
    }

    private Set<String> invalidFields(Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        return e.errors().stream().map(ValidationException.FieldError::field).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> invalidFieldsOnCreate(IntegrationDraft draft) {
        return invalidFields(() -> service.create(admin, sid, draft, Fixture.ORIGIN));
    }

    private List<String> signingSecrets(String id) {
        return world.tx().read(s -> service.signingSecrets(s, id));
    }

    private void disableWebhook(String id) {
        world.tx().write(s -> {
            s.integrations().disableWebhook(id, "HTTP 410", world.clock().instant());
            return null;
        });
    }

    @Test
    void an_admin_creates_an_integration_with_the_given_fields() {
        IntegrationDraft draft = new IntegrationDraft(" Billing sync ", "Ada Lovelace", " Ada@Example.COM ", "de", HOOK,
                List.of("read_write", "read_only"), null);
        Integration created = service.create(admin, sid, draft, Fixture.ORIGIN).integration();

        assertTrue(created.id().startsWith("int_"));
        assertEquals(sid, created.accountSid());
        assertEquals("Billing sync", created.name());
        assertEquals("Ada Lovelace", created.ownerName());
        assertEquals("ada@example.com", created.ownerEmail());
        assertEquals("de", created.ownerLocale());
        assertEquals(URI.create(HOOK), created.webhookUrl());
        assertEquals(Set.of(TokenScope.READ_WRITE, TokenScope.READ_ONLY), created.scopes());
        assertNull(created.webhookDisabledReason());
        assertEquals(world.clock().instant(), created.createdAt());
        assertEquals(world.clock().instant(), created.updatedAt());
        assertEquals(created, service.get(admin, sid, created.id()));
    }

    @Test
    void the_owner_locale_defaults_to_english() {
        IntegrationDraft draft = new IntegrationDraft("Billing", "Ada", "ada@example.com", null, null,
                List.of("read_only"), null);
        assertEquals("en", service.create(admin, sid, draft, Fixture.ORIGIN).integration().ownerLocale());
    }

    @Test
    void a_viewer_may_not_create_an_integration() {
        assertThrows(PermissionDeniedException.class,
                () -> service.create(viewer, sid, draft(null, null), Fixture.ORIGIN));
        assertEquals(List.of(), service.list(admin, sid));
    }

    @Test
    void a_non_member_gets_not_found_when_creating_an_integration() {
        assertThrows(NotFoundException.class, () -> service.create(stranger, sid, draft(null, null), Fixture.ORIGIN));
        assertEquals(List.of(), service.list(admin, sid));
    }

    @Test
    void every_invalid_field_is_reported_at_once() {
        IntegrationDraft bad = new IntegrationDraft(" ", null, "not-an-email", "fr", "ftp://hooks.example.com",
                List.of(), List.of("carrier_pigeon"));
        assertEquals(new TreeSet<>(List.of("name", "ownerName", "ownerEmail", "ownerLocale", "webhookUrl", "scopes",
                "channels")), invalidFieldsOnCreate(bad));
        assertEquals(List.of(), service.list(admin, sid));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "EN", "en-US", ""})
    void only_en_and_de_are_owner_locales(String locale) {
        IntegrationDraft draft = new IntegrationDraft("Billing", "Ada", "ada@example.com", locale, null,
                List.of("read_write"), null);
        assertEquals(Set.of("ownerLocale"), invalidFieldsOnCreate(draft));
    }

    @Test
    void a_name_longer_than_200_characters_is_refused() {
        IntegrationDraft draft = new IntegrationDraft("x".repeat(201), "Ada", "ada@example.com", "en", null,
                List.of("read_write"), null);
        assertEquals(Set.of("name"), invalidFieldsOnCreate(draft));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/x", "/relative/path", "hooks.example.com/x",
        "https://user:secret@hooks.example.com/x", "https://hooks.example.com/x#frag", "https://", "http://exa mple.com"})
    void a_webhook_url_must_be_absolute_http_or_https_without_user_info(String url) {
        assertEquals(Set.of("webhookUrl"), invalidFieldsOnCreate(draft(url, List.of("email"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com", "https://hooks.example.com:8443/a/b?c=d"})
    void http_and_https_webhook_urls_are_accepted(String url) {
        assertEquals(URI.create(url), create(url).integration().webhookUrl());
    }

    @Test
    void scopes_must_be_given() {
        IntegrationDraft none = new IntegrationDraft("Billing", "Ada", "ada@example.com", "en", null, null, null);
        assertEquals(Set.of("scopes"), invalidFieldsOnCreate(none));
        IntegrationDraft empty = new IntegrationDraft("Billing", "Ada", "ada@example.com", "en", null, List.of(), null);
        assertEquals(Set.of("scopes"), invalidFieldsOnCreate(empty));
    }

    @Test
    void scopes_must_be_known() {
        IntegrationDraft draft = new IntegrationDraft("Billing", "Ada", "ada@example.com", "en", null,
                List.of("read_write", "admin"), null);
        assertEquals(Set.of("scopes"), invalidFieldsOnCreate(draft));
    }

    @Test
    void unknown_channels_are_refused_with_the_available_ones_named() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(admin, sid, draft(null, List.of("email", "carrier_pigeon")), Fixture.ORIGIN));
        assertEquals(1, e.errors().size());
        assertEquals("channels", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("carrier_pigeon"));
        assertTrue(e.errors().get(0).message().contains("slack"));
    }

    @Test
    void an_empty_channel_list_is_refused() {
        assertEquals(Set.of("channels"), invalidFieldsOnCreate(draft(null, List.of())));
    }

    @Test
    void a_plugin_channel_available_on_the_node_may_be_chosen_and_duplicates_collapse() {
        Integration created = service.create(admin, sid, draft(null, List.of("slack", "email", "slack")), Fixture.ORIGIN)
                .integration();
        assertEquals(List.of("slack", "email"), created.channels());
    }

    @Test
    void the_webhook_channel_needs_a_webhook_url() {
        assertEquals(Set.of("webhookUrl"), invalidFieldsOnCreate(draft(null, List.of("email", "webhook"))));
    }

    @Test
    void the_default_channel_is_email_without_a_webhook_url() {
        assertEquals(List.of("email"), create(null).integration().channels());
    }

    @Test
    void the_default_channels_are_email_and_webhook_with_a_webhook_url() {
        assertEquals(List.of("email", "webhook"), create(HOOK).integration().channels());
    }

    @Test
    void the_webhook_secret_is_whsec_and_base64_of_32_random_bytes() {
        String secret = create(HOOK).webhookSecret().reveal();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        assertNotEquals(secret, create(HOOK).webhookSecret().reveal());
    }

    @Test
    void the_webhook_secret_is_shown_once_and_stored_only_encrypted() {
        IntegrationService.WithSecret created = create(HOOK);
        String secret = created.webhookSecret().reveal();

        assertFalse(world.tx().storesText(secret));
        assertFalse(world.tx().storesText(secret.substring("whsec_".length())));
        assertFalse(service.get(admin, sid, created.integration().id()).toString().contains(secret));
        assertEquals(List.of(secret), signingSecrets(created.integration().id()));
    }

    @Test
    void members_including_viewers_list_and_get_integrations() {
        Integration first = create(null).integration();
        world.clock().advance(Duration.ofSeconds(1));
        Integration second = create(HOOK).integration();
        assertEquals(List.of(first, second), service.list(viewer, sid));
        assertEquals(second, service.get(viewer, sid, second.id()));
    }

    @Test
    void a_non_member_can_neither_list_nor_get_integrations() {
        Integration created = create(null).integration();
        assertThrows(NotFoundException.class, () -> service.list(stranger, sid));
        assertThrows(NotFoundException.class, () -> service.get(stranger, sid, created.id()));
    }

    @Test
    void an_integration_of_another_account_is_not_found() {
        Integration created = create(null).integration();
        AccountSid other = world.account("Other", admin);
        assertThrows(NotFoundException.class, () -> service.get(admin, other, created.id()));
        assertThrows(NotFoundException.class, () -> service.get(admin, sid, "int_unknown"));
        assertEquals(List.of(), service.list(admin, other));
        assertThrows(NotFoundException.class, () -> service.update(admin, other, created.id(),
                new IntegrationDraft("Hijacked", null, null, null, null, null, null), Fixture.ORIGIN));
        assertThrows(NotFoundException.class, () -> service.delete(admin, other, created.id(), Fixture.ORIGIN));
        assertThrows(NotFoundException.class, () -> service.rotateSecret(admin, other, created.id(), Fixture.ORIGIN));
        assertEquals(created, service.get(admin, sid, created.id()));
    }

    @Test
    void an_update_changes_only_the_given_fields() {
        Integration created = create(HOOK).integration();
        world.clock().advance(Duration.ofMinutes(3));
        Integration updated = service.update(admin, sid, created.id(),
                new IntegrationDraft("Renamed", null, "Grace@Example.com", null, null, List.of("read_only"), null),
                Fixture.ORIGIN);

        assertEquals(new Integration(created.id(), sid, "Renamed", created.ownerName(), "grace@example.com",
                created.ownerLocale(), created.webhookUrl(), Set.of(TokenScope.READ_ONLY), created.channels(), null,
                created.createdAt(), world.clock().instant()), updated);
        assertEquals(updated, service.get(admin, sid, created.id()));
    }

    @Test
    void an_empty_update_changes_nothing_but_the_update_time() {
        Integration created = create(HOOK).integration();
        world.clock().advance(Duration.ofMinutes(3));
        Integration updated = service.update(admin, sid, created.id(), patch(), Fixture.ORIGIN);
        assertEquals(new Integration(created.id(), sid, created.name(), created.ownerName(), created.ownerEmail(),
                created.ownerLocale(), created.webhookUrl(), created.scopes(), created.channels(), null,
                created.createdAt(), world.clock().instant()), updated);
    }

    @Test
    void an_update_lists_every_invalid_field_and_changes_nothing() {
        Integration created = create(HOOK).integration();
        IntegrationDraft bad = new IntegrationDraft("", " ", "nope", "it", "javascript:alert(1)", List.of("all"),
                List.of("fax"));
        assertEquals(new TreeSet<>(List.of("name", "ownerName", "ownerEmail", "ownerLocale", "webhookUrl", "scopes",
                "channels")), invalidFields(() -> service.update(admin, sid, created.id(), bad, Fixture.ORIGIN)));
        assertEquals(created, service.get(admin, sid, created.id()));
    }

    @Test
    void removing_the_webhook_url_drops_the_webhook_channel() {
        Integration created = create(HOOK).integration();
        Integration updated = service.update(admin, sid, created.id(),
                new IntegrationDraft(null, null, null, null, "", null, null), Fixture.ORIGIN);
        assertNull(updated.webhookUrl());
        assertEquals(List.of("email"), updated.channels());
    }

    @Test
    void adding_a_webhook_url_adds_the_webhook_channel() {
        Integration created = create(null).integration();
        Integration updated = service.update(admin, sid, created.id(),
                new IntegrationDraft(null, null, null, null, HOOK, null, null), Fixture.ORIGIN);
        assertEquals(URI.create(HOOK), updated.webhookUrl());
        assertEquals(List.of("email", "webhook"), updated.channels());
    }

    @Test
    void removing_the_url_while_choosing_the_webhook_channel_is_refused() {
        Integration created = create(HOOK).integration();
        IntegrationDraft contradiction = new IntegrationDraft(null, null, null, null, "", null, List.of("webhook"));
        assertEquals(Set.of("webhookUrl"),
                invalidFields(() -> service.update(admin, sid, created.id(), contradiction, Fixture.ORIGIN)));
    }

    @Test
    void editing_turns_a_disabled_webhook_back_on() {
        Integration created = create(HOOK).integration();
        disableWebhook(created.id());
        Integration disabled = service.get(admin, sid, created.id());
        assertEquals("HTTP 410", disabled.webhookDisabledReason());
        assertEquals(List.of("email"), disabled.activeChannels());

        Integration edited = service.update(admin, sid, created.id(),
                new IntegrationDraft(null, "Ada L.", null, null, null, null, null), Fixture.ORIGIN);

        assertNull(edited.webhookDisabledReason());
        assertEquals(List.of("email", "webhook"), edited.activeChannels());
        assertNull(service.get(admin, sid, created.id()).webhookDisabledReason());
    }

    @Test
    void a_viewer_may_not_update_delete_or_rotate() {
        Integration created = create(HOOK).integration();
        List<String> secrets = signingSecrets(created.id());
        assertThrows(PermissionDeniedException.class, () -> service.update(viewer, sid, created.id(),
                new IntegrationDraft("Mine", null, null, null, null, null, null), Fixture.ORIGIN));
        assertThrows(PermissionDeniedException.class, () -> service.delete(viewer, sid, created.id(), Fixture.ORIGIN));
        assertThrows(PermissionDeniedException.class,
                () -> service.rotateSecret(viewer, sid, created.id(), Fixture.ORIGIN));
        assertEquals(created, service.get(admin, sid, created.id()));
        assertEquals(secrets, signingSecrets(created.id()));
    }

    @Test
    void an_admin_deletes_an_integration_with_its_secret() {
        Integration created = create(HOOK).integration();
        service.delete(admin, sid, created.id(), Fixture.ORIGIN);
        assertThrows(NotFoundException.class, () -> service.get(admin, sid, created.id()));
        assertEquals(List.of(), service.list(admin, sid));
        assertEquals(List.of(), signingSecrets(created.id()));
        assertThrows(NotFoundException.class, () -> service.delete(admin, sid, created.id(), Fixture.ORIGIN));
    }

    @Test
    void a_rotation_returns_a_new_secret_and_the_old_one_keeps_signing_for_24_hours() {
        IntegrationService.WithSecret created = create(HOOK);
        String id = created.integration().id();
        String old = created.webhookSecret().reveal();

        String fresh = service.rotateSecret(admin, sid, id, Fixture.ORIGIN).webhookSecret().reveal();

        assertTrue(fresh.startsWith("whsec_"));
        assertNotEquals(old, fresh);
        assertEquals(List.of(fresh, old), signingSecrets(id));
        world.clock().advance(Duration.ofHours(24).minusSeconds(1));
        assertEquals(List.of(fresh, old), signingSecrets(id));
        world.clock().advance(Duration.ofSeconds(1));
        assertEquals(List.of(fresh), signingSecrets(id));
    }

    @Test
    void a_second_rotation_within_a_day_drops_the_oldest_secret() {
        IntegrationService.WithSecret created = create(HOOK);
        String id = created.integration().id();
        String second = service.rotateSecret(admin, sid, id, Fixture.ORIGIN).webhookSecret().reveal();
        world.clock().advance(Duration.ofHours(1));
        String third = service.rotateSecret(admin, sid, id, Fixture.ORIGIN).webhookSecret().reveal();
        assertEquals(List.of(third, second), signingSecrets(id));
        world.clock().advance(Duration.ofHours(23).plusSeconds(1));
        assertEquals(List.of(third, second), signingSecrets(id));
    }

    @Test
    void rotated_secrets_are_stored_only_encrypted() {
        IntegrationService.WithSecret created = create(HOOK);
        String fresh = service.rotateSecret(admin, sid, created.integration().id(), Fixture.ORIGIN).webhookSecret()
                .reveal();
        assertFalse(world.tx().storesText(fresh));
        assertFalse(world.tx().storesText(created.webhookSecret().reveal()));
    }

    @Test
    void changes_are_audited_without_any_secret() {
        int before = world.tx().auditEvents().size();
        IntegrationService.WithSecret created = create(HOOK);
        String id = created.integration().id();
        service.update(admin, sid, id, new IntegrationDraft("Renamed", null, null, null, null, null, null),
                Fixture.ORIGIN);
        String rotated = service.rotateSecret(admin, sid, id, Fixture.ORIGIN).webhookSecret().reveal();
        service.delete(admin, sid, id, Fixture.ORIGIN);

        var events = world.tx().auditEvents().subList(before, world.tx().auditEvents().size());
        assertEquals(List.of("integration.created", "integration.updated", "integration.webhook_secret_rotated",
                "integration.deleted"), events.stream().map(e -> e.action().wireName()).toList());
        for (var event : events) {
            assertEquals(sid, event.accountSid());
            assertEquals("admin@example.com", event.actor());
            assertEquals(Fixture.ORIGIN.ip(), event.ip());
            assertEquals(id, event.details().get("integrationId"));
            for (String value : event.details().values()) {
                for (String secret : Arrays.asList(created.webhookSecret().reveal(), rotated)) {
                    assertFalse(value.contains(secret.substring("whsec_".length())));
                }
            }
        }
        assertEquals("Renamed", events.get(1).details().get("name"));
    }

    @Test
    void an_update_checks_access_before_the_patch_is_validated() {
        Integration created = create(null).integration();
        IntegrationDraft bad = new IntegrationDraft("", null, "nope", null, null, null, null);
        assertThrows(NotFoundException.class, () -> service.update(stranger, sid, created.id(), bad, Fixture.ORIGIN));
        assertThrows(PermissionDeniedException.class,
                () -> service.update(viewer, sid, created.id(), bad, Fixture.ORIGIN));
    }

    @Test
    void a_missing_channel_entry_is_a_validation_error() {
        assertEquals(Set.of("channels"), invalidFieldsOnCreate(draft(null, Arrays.asList("email", null))));
    }

    @Test
    void access_is_checked_before_the_draft_is_validated() {
        IntegrationDraft bad = new IntegrationDraft("", null, null, null, null, null, List.of("carrier_pigeon"));
        assertThrows(NotFoundException.class, () -> service.create(stranger, sid, bad, Fixture.ORIGIN));
        assertThrows(PermissionDeniedException.class, () -> service.create(viewer, sid, bad, Fixture.ORIGIN));
    }
}
