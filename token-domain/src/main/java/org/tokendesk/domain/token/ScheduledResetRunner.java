package org.tokendesk.domain.token;

import java.time.Duration;

/**
 * Runs the scheduled resets that are due, on every node: each run claims one due reset in the
 * transaction that performs it, so a reset runs exactly once whichever nodes look at the same time.
 */
public final class ScheduledResetRunner {

    /** How often a node looks for due resets: a reset runs at most this much after its time. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

    private final LegacyTokenService tokens;
    private final Duration period;

    public ScheduledResetRunner(LegacyTokenService tokens, Duration period) {
        this.tokens = tokens;
        this.period = period;
    }

    /** How often {@link #runOnce} should run. */
    public Duration period() {
        return period;
    }

    /** @return how many resets this call ran (every one that was due and not taken by another node) */
    public int runOnce() {
        int ran = 0;
        while (tokens.runDueReset().isPresent()) {
            ran++;
        }
        return ran;
    }
}
