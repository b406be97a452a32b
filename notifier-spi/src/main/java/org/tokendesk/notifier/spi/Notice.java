package org.tokendesk.notifier.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an integration owner is told: an Auth Token their integration depends on was reset.
 *
 * <p>A notice never carries a secret: only the old token's hint (its last four characters) and a
 * link to where an operator finds the new one. New components may be added in later SPI versions;
 * plugins that read notices keep working, and code that creates notices (tests) should use
 * {@link #builder()}.
 *
 * @param deliveryId stable id of this delivery ({@code msg_…}), the same on every attempt; use it
 *     as an idempotency key ({@code webhook-id}, {@code Message-ID})
 * @param type what happened, one of {@link #TOKEN_RESET} and the other constants of this type
 * @param occurredAt when the notice was created
 * @param accountSid the account whose token changed
 * @param scope {@code read_write} or {@code read_only}
 * @param resetAt when the old token stopped passing authorization checks; for
 *     {@link #TOKEN_RESET_SCHEDULED} and {@link #TOKEN_SCHEDULED_RESET_CANCELLED}, the time the
 *     reset is (or was) scheduled for
 * @param resetBy who reset it: an operator email; for a scheduled reset (and its notices) the operator
 *     who scheduled or cancelled it; {@code "system"} when no operator was involved
 * @param previousTokenHint the last four characters of the old token, as {@code "…a1b2"}
 * @param apiVersion the API version the token is bound to
 * @param integrationId the affected integration
 * @param integrationName the affected integration's name
 * @param credentialsUrl where an operator of the account finds the new token
 * @param oldTokenValidUntil until when the old token still works, when a grace period was chosen
 * @param acknowledgeUrl a single-use link with which the owner confirms the update, if offered
 * @param staleUse for {@link #TOKEN_STALE_USE}: how often and by how many clients the reset token
 *     was still presented; empty for other types
 */
public record Notice(
        String deliveryId,
        String type,
        Instant occurredAt,
        String accountSid,
        String scope,
        Instant resetAt,
        String resetBy,
        String previousTokenHint,
        String apiVersion,
        String integrationId,
        String integrationName,
        URI credentialsUrl,
        Optional<Instant> oldTokenValidUntil,
        Optional<URI> acknowledgeUrl,
        Optional<StaleUse> staleUse) {

    /** A token was reset; the old value no longer passes authorization checks. */
    public static final String TOKEN_RESET = "token.reset";

    /** A reset token is still being presented by some client. */
    public static final String TOKEN_STALE_USE = "token.stale_use";

    /** A reset was scheduled for a future time. */
    public static final String TOKEN_RESET_SCHEDULED = "token.reset_scheduled";

    /** A scheduled reset was cancelled: the token stays as it is. */
    public static final String TOKEN_SCHEDULED_RESET_CANCELLED = "token.scheduled_reset_cancelled";

    public Notice {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(resetBy, "resetBy");
        Objects.requireNonNull(previousTokenHint, "previousTokenHint");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(integrationName, "integrationName");
        Objects.requireNonNull(credentialsUrl, "credentialsUrl");
        Objects.requireNonNull(oldTokenValidUntil, "oldTokenValidUntil");
        Objects.requireNonNull(acknowledgeUrl, "acknowledgeUrl");
        Objects.requireNonNull(staleUse, "staleUse");
    }

    /** The acknowledgement link is a single-use credential of the owner, so it is not printed. */
    @Override
    public String toString() {
        return "Notice[" + deliveryId + ", " + type + ", " + accountSid + ", " + scope + ", resetAt=" + resetAt
                + ", integration=" + integrationId + ", acknowledgeUrl=" + (acknowledgeUrl.isPresent() ? "masked" : "none")
                + "]";
    }

    /**
     * A builder, for hosts and tests.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Notice}; every field without a default must be set. */
    public static final class Builder {
        private String deliveryId;
        private String type = TOKEN_RESET;
        private Instant occurredAt;
        private String accountSid;
        private String scope;
        private Instant resetAt;
        private String resetBy;
        private String previousTokenHint;
        private String apiVersion;
        private String integrationId;
        private String integrationName;
        private URI credentialsUrl;
        private Optional<Instant> oldTokenValidUntil = Optional.empty();
        private Optional<URI> acknowledgeUrl = Optional.empty();
        private Optional<StaleUse> staleUse = Optional.empty();

        private Builder() {
        }

        /** @param v delivery id @return this */
        public Builder deliveryId(String v) { deliveryId = v; return this; }
        /** @param v notice type @return this */
        public Builder type(String v) { type = v; return this; }
        /** @param v creation time @return this */
        public Builder occurredAt(Instant v) { occurredAt = v; return this; }
        /** @param v account SID @return this */
        public Builder accountSid(String v) { accountSid = v; return this; }
        /** @param v token scope @return this */
        public Builder scope(String v) { scope = v; return this; }
        /** @param v reset time @return this */
        public Builder resetAt(Instant v) { resetAt = v; return this; }
        /** @param v who reset @return this */
        public Builder resetBy(String v) { resetBy = v; return this; }
        /** @param v old token hint @return this */
        public Builder previousTokenHint(String v) { previousTokenHint = v; return this; }
        /** @param v API version @return this */
        public Builder apiVersion(String v) { apiVersion = v; return this; }
        /** @param v integration id @return this */
        public Builder integrationId(String v) { integrationId = v; return this; }
        /** @param v integration name @return this */
        public Builder integrationName(String v) { integrationName = v; return this; }
        /** @param v credentials page @return this */
        public Builder credentialsUrl(URI v) { credentialsUrl = v; return this; }
        /** @param v end of the grace period, or null @return this */
        public Builder oldTokenValidUntil(Instant v) { oldTokenValidUntil = Optional.ofNullable(v); return this; }
        /** @param v acknowledgement link, or null @return this */
        public Builder acknowledgeUrl(URI v) { acknowledgeUrl = Optional.ofNullable(v); return this; }
        /** @param v sighting summary of a stale-use notice, or null @return this */
        public Builder staleUse(StaleUse v) { staleUse = Optional.ofNullable(v); return this; }

        /** @return the notice */
        public Notice build() {
            return new Notice(deliveryId, type, occurredAt, accountSid, scope, resetAt, resetBy,
                    previousTokenHint, apiVersion, integrationId, integrationName, credentialsUrl,
                    oldTokenValidUntil, acknowledgeUrl, staleUse);
        }
    }
}
