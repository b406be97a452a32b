package org.tokendesk.notifier.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.NotifierConfigurationException;
import org.tokendesk.notifier.spi.NotifierContext;
import org.tokendesk.notifier.spi.NotifierProvider;
import org.tokendesk.notifier.spi.NotifierSpi;

class WebhookNotifierProviderTest {

    private final WebhookNotifierProvider provider = new WebhookNotifierProvider();

    static NotifierContext context(Map<String, String> settings) {
        return new NotifierContext() {
            @Override
            public Optional<String> setting(String key) {
                return Optional.ofNullable(settings.get(key));
            }

            @Override
            public URI publicUrl() {
                return URI.create("https://tokendesk.example.org");
            }

            @Override
            public String hostVersion() {
                return "0.1.0";
            }
        };
    }

    @Test
    void the_provider_is_the_webhook_channel_of_the_current_spi() {
        assertEquals("webhook", provider.id());
        assertEquals(NotifierSpi.VERSION, provider.spiVersion());
        assertTrue(provider.isEnabled(context(Map.of())));
    }

    @Test
    void the_service_loader_finds_the_provider_on_the_module_path() {
        getClass().getModule().addUses(NotifierProvider.class);

        List<String> ids = ServiceLoader.load(NotifierProvider.class).stream().map(p -> p.get().id()).toList();

        assertTrue(getClass().getModule().isNamed(), "tests must run on the module path");
        assertEquals(List.of("webhook"), ids);
    }

    @Test
    void the_jar_also_declares_the_provider_for_the_class_path() throws Exception {
        try (InputStream in = getClass().getModule()
                .getResourceAsStream("META-INF/services/org.tokendesk.notifier.spi.NotifierProvider")) {
            assertNotNull(in);
            assertEquals(WebhookNotifierProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    @Test
    void private_networks_are_refused_unless_the_setting_is_true() {
        assertTrue(provider.create(context(Map.of())).toString().contains("allowPrivateNetworks=false"));
        assertTrue(provider.create(context(Map.of("allow_private_networks", "TRUE"))).toString()
                .contains("allowPrivateNetworks=true"));
    }

    @Test
    void an_unreadable_private_network_setting_names_the_variable() {
        NotifierConfigurationException e = assertThrows(NotifierConfigurationException.class,
                () -> provider.create(context(Map.of("allow_private_networks", "yes"))));

        assertTrue(e.getMessage().contains("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS"), e.getMessage());
    }

    @Test
    void the_notifier_shows_its_settings_but_holds_no_secret() {
        Notifier notifier = provider.create(context(Map.of()));

        assertEquals("WebhookNotifier[WebhookSettings[allowPrivateNetworks=false, userAgent=tokendesk/0.1.0,"
                + " connectTimeout=PT5S, requestTimeout=PT10S]]", notifier.toString());
        assertFalse(notifier.toString().contains("whsec_"));
    }
}
