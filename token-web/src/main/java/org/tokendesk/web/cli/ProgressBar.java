package org.tokendesk.web.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error for long imports, redrawn in place at the bottom of the
 * terminal: cleared before each report line and drawn again after it (as apt does), so the two
 * never mix.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private long lastDrawn;
    private boolean shown;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Draws at most ten times a second, unless {@code now} (after a report line, which cleared it). */
    void update(long rows, double fraction, boolean now) {
        if (!enabled) {
            return;
        }
        long time = System.nanoTime();
        if (!now && shown && time - lastDrawn < 100_000_000L && fraction < 1) {
            return;
        }
        lastDrawn = time;
        double f = Math.max(0, Math.min(1, fraction));
        int full = (int) Math.round(f * WIDTH);
        err.print("\r[" + "#".repeat(full) + " ".repeat(WIDTH - full) + "] "
                + String.format(Locale.ROOT, "%3d%%", Math.round(f * 100)) + "  " + rows + " rows");
        err.flush();
        shown = true;
    }

    /** Removes the bar, so that a report line can be printed. */
    void clear() {
        if (enabled && shown) {
            err.print("\r" + " ".repeat(WIDTH + 24) + "\r");
            err.flush();
            shown = false;
        }
    }
}
