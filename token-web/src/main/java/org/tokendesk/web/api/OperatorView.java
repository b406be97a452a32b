package org.tokendesk.web.api;

import java.time.Instant;

/**
 * An operator as the API shows them.
 *
 * @param id id
 * @param email email
 * @param name name
 * @param platformAdmin whether a platform admin
 * @param createdAt when created
 */
public record OperatorView(String id, String email, String name, boolean platformAdmin, Instant createdAt) {
}
