package org.tokendesk.web.ui.model;

/**
 * The settings page: section Account, group Technical, entry Platform REST Web Services.
 *
 * @param chrome the frame; its current account is null when the operator has none
 */
public record SettingsPage(Chrome chrome) {
}
