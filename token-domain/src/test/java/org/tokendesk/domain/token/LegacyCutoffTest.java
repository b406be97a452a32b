package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LegacyCutoffTest {

    private static final Instant CUTOFF = Instant.parse("2025-04-01T00:00:00Z");

    @Test
    void the_default_cutoff_is_the_first_of_april_2025() {
        assertEquals(CUTOFF, LegacyCutoff.DEFAULT.cutoff());
    }

    @Test
    void tokens_created_before_the_cutoff_are_legacy() {
        assertTrue(LegacyCutoff.DEFAULT.isLegacy(CUTOFF.minusMillis(1), false));
    }

    @Test
    void tokens_created_at_or_after_the_cutoff_are_not_legacy() {
        assertFalse(LegacyCutoff.DEFAULT.isLegacy(CUTOFF, false));
        assertFalse(LegacyCutoff.DEFAULT.isLegacy(CUTOFF.plusSeconds(86_400), false));
    }

    @Test
    void tokens_created_through_enable_are_always_legacy() {
        assertTrue(LegacyCutoff.DEFAULT.isLegacy(CUTOFF.plusSeconds(86_400 * 365), true));
    }
}
