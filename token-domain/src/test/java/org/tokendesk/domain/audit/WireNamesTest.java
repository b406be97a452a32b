package org.tokendesk.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.Role;

class WireNamesTest {

    @Test
    void audit_action_wire_names_are_stable() {
        assertEquals(List.of("account.created", "legacy_token.enabled", "legacy_token.revealed", "legacy_token.reset",
                "legacy_token.api_version_changed", "integration.created", "integration.updated",
                "integration.deleted", "integration.webhook_secret_rotated", "notice.redelivered", "notice.acknowledged",
                "member.changed",
                "member.removed", "operator.created", "operator.signed_in", "management_key.created",
                "management_key.revoked", "operator.password_reset", "legacy_token.imported",
                "master_key.rotated", "legacy_token.grace_ended", "legacy_token.reset_scheduled",
                "legacy_token.scheduled_reset_cancelled"),
                Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList());
    }

    @Test
    void audit_actions_parse_from_their_wire_names() {
        for (AuditAction action : AuditAction.values()) {
            assertEquals(action, AuditAction.fromWire(action.wireName()));
        }
        assertThrows(IllegalArgumentException.class, () -> AuditAction.fromWire("LEGACY_TOKEN_RESET"));
    }

    @Test
    void roles_parse_from_their_wire_names() {
        assertEquals(Optional.of(Role.ADMIN), Role.fromWire("admin"));
        assertEquals(Optional.of(Role.VIEWER), Role.fromWire("viewer"));
        assertEquals(Optional.empty(), Role.fromWire("ADMIN"));
        assertEquals(Optional.empty(), Role.fromWire(null));
    }
}
