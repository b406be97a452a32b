package org.tokendesk.domain.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.tokendesk.domain.account.AccountAccess;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.domain.usage.ClientUse;
import org.tokendesk.domain.usage.StaleUse;
import org.tokendesk.domain.usage.UseKind;

/** The reset preview: for admins, like the reset itself. */
public final class ResetPreviews {

    private final Transactions tx;
    private final IntegrationService integrations;
    private final Clock clock;

    public ResetPreviews(Transactions tx, IntegrationService integrations, Clock clock) {
        this.tx = tx;
        this.integrations = integrations;
        this.clock = clock;
    }

    public ResetPreview preview(Actor actor, AccountSid sid, TokenScope scope) {
        return tx.read(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            LegacyTokenService.requireCard(s, sid);
            StoredToken token = LegacyTokenService.requireToken(s, sid, scope);
            Instant now = clock.instant();
            Instant since = now.minus(StaleUse.WINDOW);
            // clients of the previous token are not clients of this one
            if (token.lastResetAt() != null && token.lastResetAt().isAfter(since)) {
                since = token.lastResetAt();
            }
            List<ClientUse> clients = s.sightings().clients(UseKind.VALID, sid, scope, since);
            List<ResetPreview.Notified> told = s.integrations().list(sid).stream()
                    .filter(i -> i.dependsOn(scope))
                    .map((Integration i) -> new ResetPreview.Notified(i.id(), i.name(), i.ownerEmail(),
                            integrations.notifiedChannels(i)))
                    .toList();
            return new ResetPreview(scope, told, token.lastUsedAt(),
                    clients.subList(0, Math.min(StaleUse.MAX_CLIENTS, clients.size())), StaleUse.read(s, sid, scope, now));
        });
    }
}
