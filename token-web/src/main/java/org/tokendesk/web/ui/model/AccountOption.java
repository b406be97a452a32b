package org.tokendesk.web.ui.model;

/**
 * An account in the picker.
 *
 * @param sid its Account SID
 * @param name its name
 * @param role the operator's role there ({@code admin}, {@code viewer})
 */
public record AccountOption(String sid, String name, String role) {
}
