package org.tokendesk.web.api;

/** A body that carries no fields (yet): {@code {}} or nothing; unknown fields are refused. */
public record EmptyRequest() {
}
