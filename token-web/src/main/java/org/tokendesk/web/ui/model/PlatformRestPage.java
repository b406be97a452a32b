package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * The Platform REST Web Services page.
 *
 * @param chrome the frame
 * @param admin whether the operator may enable and reset
 * @param card the card, or null while the account has no legacy tokens
 * @param previews the reset confirmations (admins only), read/write first
 * @param shownOnce tokens to show once (enable while re-display is off), or null
 * @param flash what the operator's last action did (a reset scheduled or cancelled), or null
 */
public record PlatformRestPage(Chrome chrome, boolean admin, CardModel card, List<ResetPreview> previews,
        SecretPanel shownOnce, String flash) {

    public PlatformRestPage {
        previews = List.copyOf(previews);
    }
}
