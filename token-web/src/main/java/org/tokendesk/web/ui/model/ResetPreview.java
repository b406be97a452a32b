package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * What a reset of one scope will do, and whom it tells.
 *
 * @param scope the wire name ({@code read_write})
 * @param pathName the URL segment ({@code read-write})
 * @param integrations the integrations that depend on the scope
 * @param schedulable whether the reset may be scheduled for later (only while tokens can be shown again)
 */
public record ResetPreview(String scope, String pathName, List<Notified> integrations, boolean schedulable) {

    public ResetPreview {
        integrations = List.copyOf(integrations);
    }

    /**
     * An integration that will be told.
     *
     * @param name its name
     * @param ownerEmail its owner's email
     * @param channels how they are told
     */
    public record Notified(String name, String ownerEmail, List<String> channels) {

        public Notified {
            channels = List.copyOf(channels);
        }
    }
}
