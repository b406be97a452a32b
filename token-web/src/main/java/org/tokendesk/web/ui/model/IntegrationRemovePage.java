package org.tokendesk.web.ui.model;

/**
 * Confirming the removal of an integration.
 *
 * @param chrome the frame
 * @param id the integration
 * @param name its name
 */
public record IntegrationRemovePage(Chrome chrome, String id, String name) {
}
