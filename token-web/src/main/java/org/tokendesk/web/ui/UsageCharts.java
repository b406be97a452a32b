package org.tokendesk.web.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tokendesk.domain.usage.HourCount;
import org.tokendesk.domain.usage.UsageHistory;
import org.tokendesk.web.ui.model.UsageChart;

/** Turns a week of hourly counts into the geometry of the usage chart and its text summary. */
final class UsageCharts {

    private static final double LEFT = 14;
    private static final double STEP = 4;
    private static final double BAR = 3;
    private static final double BASE = 112;
    private static final double TALLEST = 88;

    private UsageCharts() {
    }

    static UsageChart of(UsageHistory history, Messages t) {
        long max = history.valid().stream().mapToLong(HourCount::count).max().orElse(0);
        long total = history.valid().stream().mapToLong(HourCount::count).sum();
        long stale = history.stale().stream().mapToLong(HourCount::count).sum();
        List<UsageChart.Bar> bars = new ArrayList<>();
        for (HourCount hour : history.valid()) {
            double height = Math.max(1, Math.round(hour.count() * TALLEST / max));
            bars.add(new UsageChart.Bar(x(history, hour.hour()), BASE - height, height,
                    t.format("usage.chart.bar", t.time(hour.hour()), hour.count())));
        }
        List<UsageChart.Marker> markers = new ArrayList<>();
        for (HourCount hour : history.stale()) {
            double mid = x(history, hour.hour()) + BAR / 2;
            markers.add(new UsageChart.Marker(fmt(mid - 3) + ",6 " + fmt(mid + 3) + ",6 " + fmt(mid) + ",14",
                    t.format("usage.chart.marker", t.time(hour.hour()), hour.count())));
        }
        Instant end = history.from().plus(Duration.ofHours(history.hours()));
        Instant reset = history.lastResetAt();
        double resetX = reset != null && !reset.isBefore(history.from()) && reset.isBefore(end)
                ? LEFT + Duration.between(history.from(), reset).toSeconds() / 3600.0 * STEP : -1;
        String scope = t.get("scope.token." + history.scope().wireName());
        String summary = stale == 0 || reset == null
                ? t.format("usage.chart.summary", total)
                : t.format("usage.chart.summaryStale", total, stale, t.time(reset));
        return new UsageChart("usage-" + history.scope().pathName(), t.format("usage.chart.title", scope), summary, bars,
                markers, resetX, days(history, t));
    }

    private static List<UsageChart.Day> days(UsageHistory history, Messages t) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE d", Locale.forLanguageTag(t.lang()))
                .withZone(ZoneOffset.UTC);
        List<UsageChart.Day> days = new ArrayList<>();
        Instant end = history.from().plus(Duration.ofHours(history.hours()));
        Instant day = history.from().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        for (; day.isBefore(end); day = day.plus(Duration.ofDays(1))) {
            days.add(new UsageChart.Day(x(history, day), format.format(day)));
        }
        return days;
    }

    private static double x(UsageHistory history, Instant hour) {
        return LEFT + Duration.between(history.from(), hour).toHours() * STEP;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
