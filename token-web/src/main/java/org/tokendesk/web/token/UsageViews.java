package org.tokendesk.web.token;

import java.util.List;

import org.tokendesk.domain.token.ResetPreview;
import org.tokendesk.domain.usage.ClientUse;
import org.tokendesk.domain.usage.StaleUse;
import org.tokendesk.web.api.CardView;
import org.tokendesk.web.api.ResetPreviewView;
import org.tokendesk.web.api.StaleUseView;

/** Old-token sightings and the reset preview as JSON views. Absent headers become null. */
final class UsageViews {

    private UsageViews() {
    }

    /** @return the view, or null when there were no sightings */
    static StaleUseView staleUse(StaleUse staleUse) {
        return staleUse == null ? null
                : new StaleUseView(staleUse.count(), staleUse.clients().stream().map(UsageViews::staleClient).toList(),
                        staleUse.lastSeenAt());
    }

    static ResetPreviewView preview(ResetPreview preview, List<CardView.UnacknowledgedView> unacknowledged) {
        return new ResetPreviewView(preview.scope().wireName(),
                preview.integrations().stream()
                        .map(i -> new ResetPreviewView.IntegrationItem(i.id(), i.name(), i.ownerEmail(), i.channels()))
                        .toList(),
                preview.lastUsedAt(), preview.recentClients().stream().map(UsageViews::recentClient).toList(),
                staleUse(preview.staleUse()), unacknowledged);
    }

    private static StaleUseView.ClientView staleClient(ClientUse use) {
        return new StaleUseView.ClientView(use.client().address(), orNull(use.client().userAgent()),
                orNull(use.client().uri()), use.count(), use.lastSeenAt());
    }

    private static ResetPreviewView.ClientItem recentClient(ClientUse use) {
        return new ResetPreviewView.ClientItem(use.client().address(), orNull(use.client().userAgent()),
                use.lastSeenAt(), use.count());
    }

    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
