package org.tokendesk.domain.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;

/** Port: integrations and their webhook signing secrets (stored encrypted). */
public interface IntegrationStore {

    void insert(Integration integration, WebhookSecrets secrets);

    Optional<Integration> find(AccountSid sid, String id);

    List<Integration> list(AccountSid sid);

    /**
     * The account's integrations as a reset's notices need them: the same integrations, in the same
     * order, as {@link #list}, each as {@link Integration#noticeTarget()} would give it, read without
     * the columns a notice does not need.
     */
    List<NoticeTarget> noticeTargets(AccountSid sid);

    void update(Integration integration);

    boolean delete(AccountSid sid, String id);

    Optional<WebhookSecrets> secrets(String integrationId);

    void updateSecrets(String integrationId, WebhookSecrets secrets);

    /** Turns the webhook channel off (the receiver answered 410 Gone). */
    void disableWebhook(String integrationId, String reason, Instant at);

    /** Every integration's secrets, for master key rotation. */
    List<String> allIds();
}
