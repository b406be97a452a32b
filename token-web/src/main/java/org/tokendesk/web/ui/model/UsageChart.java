package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * A server-rendered SVG of checks per hour, with old-token sightings marked by triangles (a shape,
 * not only a colour) and the last reset by a dashed line. Coordinates are in the viewBox.
 *
 * @param id unique within the page (for title and desc ids)
 * @param title the accessible name
 * @param summary the one-line text summary (also the SVG's description)
 * @param bars one per hour with checks
 * @param sightings one triangle per hour with old-token sightings
 * @param resetX where the dashed reset line is, or -1 when the reset is outside the chart
 * @param days the day labels of the axis
 */
public record UsageChart(String id, String title, String summary, List<Bar> bars, List<Marker> sightings,
        double resetX, List<Day> days) {

    /** Width and height of the viewBox. */
    public static final int WIDTH = 700;
    public static final int HEIGHT = 140;

    public UsageChart {
        bars = List.copyOf(bars);
        sightings = List.copyOf(sightings);
        days = List.copyOf(days);
    }

    /**
     * @param x left edge
     * @param y top edge
     * @param height bar height
     * @param label hour and count, for a tooltip
     */
    public record Bar(double x, double y, double height, String label) {
    }

    /**
     * @param points the triangle's points attribute
     * @param label hour and count, for a tooltip
     */
    public record Marker(String points, String label) {
    }

    /**
     * @param x where the day starts
     * @param label the day
     */
    public record Day(double x, String label) {
    }
}
