package org.tokendesk.web.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.notifier.spi.NotifierContext;

/**
 * A provider's settings namespace: {@code TOKENDESK_NOTIFIER_<ID>_<KEY>}; the built-in channels
 * also read their documented variables ({@code TOKENDESK_SMTP_*}, {@code TOKENDESK_WEBHOOK_*}).
 */
final class PluginSettings implements NotifierContext {

    private final String id;
    private final Map<String, String> env;
    private final URI publicUrl;
    private final String hostVersion;

    PluginSettings(String id, Map<String, String> env, URI publicUrl, String hostVersion) {
        this.id = id;
        this.env = env;
        this.publicUrl = publicUrl;
        this.hostVersion = hostVersion;
    }

    @Override
    public Optional<String> setting(String key) {
        String suffix = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        String own = env.get("TOKENDESK_NOTIFIER_" + id.toUpperCase(Locale.ROOT) + "_" + suffix);
        if (own == null || own.isBlank()) {
            String builtIn = switch (id) {
                case "email" -> "TOKENDESK_SMTP_" + suffix;
                case "webhook" -> "TOKENDESK_WEBHOOK_" + suffix;
                default -> null;
            };
            own = builtIn == null ? null : env.get(builtIn);
        }
        return own == null || own.isBlank() ? Optional.empty() : Optional.of(own.strip());
    }

    @Override
    public URI publicUrl() {
        return publicUrl;
    }

    @Override
    public String hostVersion() {
        return hostVersion;
    }

    @Override
    public String toString() {
        return "PluginSettings[" + id + ", values masked]";
    }
}
