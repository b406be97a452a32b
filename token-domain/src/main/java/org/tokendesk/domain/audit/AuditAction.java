package org.tokendesk.domain.audit;

/** What an audit event records; the wire names are part of the public API. */
public enum AuditAction {
    ACCOUNT_CREATED("account.created"),
    LEGACY_TOKEN_ENABLED("legacy_token.enabled"),
    LEGACY_TOKEN_REVEALED("legacy_token.revealed"),
    LEGACY_TOKEN_RESET("legacy_token.reset"),
    LEGACY_TOKEN_API_VERSION_CHANGED("legacy_token.api_version_changed"),
    INTEGRATION_CREATED("integration.created"),
    INTEGRATION_UPDATED("integration.updated"),
    INTEGRATION_DELETED("integration.deleted"),
    INTEGRATION_WEBHOOK_SECRET_ROTATED("integration.webhook_secret_rotated"),
    NOTICE_REDELIVERED("notice.redelivered"),
    NOTICE_ACKNOWLEDGED("notice.acknowledged"),
    MEMBER_CHANGED("member.changed"),
    MEMBER_REMOVED("member.removed"),
    OPERATOR_CREATED("operator.created"),
    OPERATOR_SIGNED_IN("operator.signed_in"),
    KEY_CREATED("management_key.created"),
    KEY_REVOKED("management_key.revoked"),
    OPERATOR_PASSWORD_RESET("operator.password_reset"),
    LEGACY_TOKEN_IMPORTED("legacy_token.imported"),
    MASTER_KEY_ROTATED("master_key.rotated"),
    LEGACY_TOKEN_GRACE_ENDED("legacy_token.grace_ended"),
    LEGACY_TOKEN_RESET_SCHEDULED("legacy_token.reset_scheduled"),
    LEGACY_TOKEN_SCHEDULED_RESET_CANCELLED("legacy_token.scheduled_reset_cancelled");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AuditAction fromWire(String text) {
        for (AuditAction action : values()) {
            if (action.wireName.equals(text)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown audit action " + text);
    }
}
