package org.tokendesk.domain.token;

import java.util.List;
import org.tokendesk.domain.common.UnprocessableException;

/**
 * The API versions a token may be bound to, from configuration.
 *
 * @param available the versions, in display order
 * @param defaultVersion the version new cards get; one of {@code available}
 */
public record ApiVersions(List<String> available, String defaultVersion) {

    public static final ApiVersions DEFAULT = new ApiVersions(List.of("v11", "v12", "v13"), "v13");

    public ApiVersions {
        available = List.copyOf(available);
        if (available.isEmpty()) {
            throw new IllegalArgumentException("at least one API version is needed");
        }
        if (defaultVersion == null || !available.contains(defaultVersion)) {
            throw new IllegalArgumentException("the default API version " + defaultVersion
                    + " is not in the list " + available);
        }
    }

    public void requireAvailable(String version) {
        if (version == null || !available.contains(version)) {
            throw new UnprocessableException("apiVersion", "must be one of " + String.join(", ", available));
        }
    }
}
