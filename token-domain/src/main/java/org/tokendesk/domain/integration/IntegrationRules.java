package org.tokendesk.domain.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.common.ValidationException.FieldError;
import org.tokendesk.domain.operator.EmailAddress;
import org.tokendesk.domain.token.TokenScope;

/** Validates integration fields, collecting every error at once. */
final class IntegrationRules {

    static final Set<String> LOCALES = Set.of("en", "de");

    private final List<FieldError> errors = new ArrayList<>();

    String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max || clean.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must have at most " + max + " characters and no control characters"));
        }
        return clean;
    }

    String email(String value) {
        var email = EmailAddress.normalize(value);
        if (email.isEmpty()) {
            errors.add(new FieldError("ownerEmail", "must be an email address"));
        }
        return email.orElse(null);
    }

    String locale(String value) {
        if (value == null) {
            return "en";
        }
        if (!LOCALES.contains(value)) {
            errors.add(new FieldError("ownerLocale", "must be one of en, de"));
        }
        return value;
    }

    URI webhookUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            boolean ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawFragment() == null && value.strip().length() <= 2000;
            if (ok) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(new FieldError("webhookUrl",
                "must be an absolute http(s) URL of at most 2000 characters, without user info or fragment"));
        return null;
    }

    Set<TokenScope> scopes(List<String> values) {
        Set<TokenScope> scopes = new LinkedHashSet<>();
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError("scopes", "must name at least one of read_write, read_only"));
            return scopes;
        }
        for (String v : values) {
            TokenScope.fromWire(v).ifPresentOrElse(scopes::add,
                    () -> errors.add(new FieldError("scopes", "must contain only read_write and read_only")));
        }
        return scopes;
    }

    List<String> channels(List<String> values, URI webhookUrl, Channels available) {
        if (values != null && values.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("channels", "must not contain null"));
            values = values.stream().filter(java.util.Objects::nonNull).toList();
        }
        List<String> channels = values == null ? Channels.defaults(webhookUrl != null)
                : List.copyOf(new LinkedHashSet<>(values));
        if (channels.isEmpty()) {
            errors.add(new FieldError("channels", "must name at least one channel"));
        }
        for (String c : channels) {
            if (!available.available().contains(c) && !Channels.EMAIL.equals(c) && !Channels.WEBHOOK.equals(c)) {
                errors.add(new FieldError("channels", "unknown channel '" + c + "'; available: "
                        + String.join(", ", new java.util.TreeSet<>(available.available()))));
            }
        }
        if (channels.contains(Channels.WEBHOOK) && webhookUrl == null) {
            errors.add(new FieldError("webhookUrl", "is required for the webhook channel"));
        }
        return channels;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
