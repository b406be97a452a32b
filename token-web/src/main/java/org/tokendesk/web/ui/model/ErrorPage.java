package org.tokendesk.web.ui.model;

/**
 * Something went wrong or is not allowed.
 *
 * @param chrome the frame
 * @param status the HTTP status
 * @param heading what happened
 * @param message what to do about it
 */
public record ErrorPage(Chrome chrome, int status, String heading, String message) {
}
