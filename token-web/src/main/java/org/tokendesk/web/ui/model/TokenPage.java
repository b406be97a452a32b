package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * The token pages: tabs Overview and API credentials.
 *
 * @param chrome the frame
 * @param admin whether the operator may change the version and see the tokens
 * @param redisplay whether tokens can be shown again
 * @param card the card
 * @param tab {@code overview} or {@code credentials}
 * @param saved whether the API version was just saved
 * @param revealed the tokens, when the operator asked for them without JavaScript; else null
 * @param charts the usage charts of the overview, read/write first
 */
public record TokenPage(Chrome chrome, boolean admin, boolean redisplay, CardModel card, String tab, boolean saved,
        Revealed revealed, List<UsageChart> charts) {

    public TokenPage {
        charts = List.copyOf(charts);
    }

    public boolean overview() {
        return "overview".equals(tab);
    }

    /**
     * Both Auth Tokens.
     *
     * @param readWrite the read/write token
     * @param readOnly the read-only token
     */
    public record Revealed(String readWrite, String readOnly) {
    }
}
