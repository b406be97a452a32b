package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * The values of the add and edit forms, and what was wrong with them.
 *
 * @param name what it is called
 * @param ownerName who runs it
 * @param ownerEmail where email notices go
 * @param ownerLocale {@code en} or {@code de}
 * @param webhookUrl the webhook, or empty
 * @param readWrite whether it depends on the read/write token
 * @param readOnly whether it depends on the read-only token
 * @param problems what was wrong, or empty
 */
public record IntegrationForm(String name, String ownerName, String ownerEmail, String ownerLocale, String webhookUrl,
        boolean readWrite, boolean readOnly, List<FieldProblem> problems) {

    public static final IntegrationForm EMPTY = new IntegrationForm("", "", "", "en", "", true, false, List.of());

    public IntegrationForm {
        problems = List.copyOf(problems);
    }

    public IntegrationForm withProblems(List<FieldProblem> found) {
        return new IntegrationForm(name, ownerName, ownerEmail, ownerLocale, webhookUrl, readWrite, readOnly, found);
    }

    /**
     * A field that broke a rule.
     *
     * @param field the field's name
     * @param message what is expected
     */
    public record FieldProblem(String field, String message) {
    }
}
