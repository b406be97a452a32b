package org.tokendesk.web.ui.model;

/**
 * A page that shows a new secret once (new token after a reset, new webhook secret).
 *
 * @param chrome the frame
 * @param panel the secrets
 * @param backHref where to go on
 * @param backLabel the link's text
 */
public record SecretPage(Chrome chrome, SecretPanel panel, String backHref, String backLabel) {
}
