package org.tokendesk.web.ui.model;

/**
 * Editing one integration.
 *
 * @param chrome the frame
 * @param id the integration
 * @param form the values
 */
public record IntegrationEditPage(Chrome chrome, String id, IntegrationForm form) {
}
