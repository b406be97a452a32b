package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * Integrations and the delivery log.
 *
 * @param chrome the frame
 * @param admin whether the operator may change them
 * @param integrations the integrations
 * @param deliveries the delivery log, newest first
 * @param form the add form
 * @param flash a short confirmation of what just happened, or null
 */
public record IntegrationsPage(Chrome chrome, boolean admin, List<IntegrationRow> integrations,
        List<DeliveryRow> deliveries, IntegrationForm form, String flash) {

    public IntegrationsPage {
        integrations = List.copyOf(integrations);
        deliveries = List.copyOf(deliveries);
    }
}
