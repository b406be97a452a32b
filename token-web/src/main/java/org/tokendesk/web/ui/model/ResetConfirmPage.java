package org.tokendesk.web.ui.model;

/**
 * The reset confirmation as a page of its own (without JavaScript the menu leads here).
 *
 * @param chrome the frame
 * @param preview what the reset does
 * @param usage who still uses the token, and the previous one
 */
public record ResetConfirmPage(Chrome chrome, ResetPreview preview, ResetUsage usage) {
}
