package org.tokendesk.web.ui.model;

/**
 * The sign-in form.
 *
 * @param chrome the frame
 * @param email what was typed, for a second try
 * @param error what went wrong, or null
 * @param next where to go after signing in
 */
public record SignInPage(Chrome chrome, String email, String error, String next) {
}
