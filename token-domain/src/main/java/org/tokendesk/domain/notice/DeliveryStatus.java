package org.tokendesk.domain.notice;

import java.util.Locale;

/** Where a delivery stands; the wire names are part of the API. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
