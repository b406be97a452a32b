package org.tokendesk.domain.token;

import java.time.Instant;

/**
 * Which tokens are legacy: those created before the cutoff (the end of the old scheme, 2025-04-01
 * by default), and every token created through "Enable legacy tokens".
 *
 * @param cutoff the first instant of the new scheme
 */
public record LegacyCutoff(Instant cutoff) {

    public static final LegacyCutoff DEFAULT = new LegacyCutoff(Instant.parse("2025-04-01T00:00:00Z"));

    /**
     * @param createdAt when the token was created
     * @param throughEnable whether an operator created it with "Enable legacy tokens"
     */
    public boolean isLegacy(Instant createdAt, boolean throughEnable) {
        return throughEnable || createdAt.isBefore(cutoff);
    }
}
