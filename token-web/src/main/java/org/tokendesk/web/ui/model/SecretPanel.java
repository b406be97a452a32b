package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * Secrets shown once, each with Copy.
 *
 * @param heading what they are
 * @param notes what the operator must know and do, one paragraph each
 * @param secrets the values
 */
public record SecretPanel(String heading, List<String> notes, List<SecretLine> secrets) {

    public SecretPanel {
        notes = List.copyOf(notes);
        secrets = List.copyOf(secrets);
    }

    /**
     * One value.
     *
     * @param id element id
     * @param label its label
     * @param value the secret
     */
    public record SecretLine(String id, String label, String value) {
    }
}
