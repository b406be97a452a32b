package org.tokendesk.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/**
 * The router and openapi.json describe the same API, in both directions: every API route is in
 * the document, every operation of the document is a route. The rule for what is API:
 * {@code /v1/**}, {@code /api/**}, {@code /health/**}, {@code /metrics}, {@code /openapi.json};
 * everything else (the operator's pages and their assets) is not.
 */
class OpenApiDriftTest {

    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(java.util.Map.of("TOKENDESK_PUBLIC_URL", "https://tokendesk.example.com"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint parsed : node.app().server().unsafe.internalRouter.allHttpHandlers()) {
            var endpoint = parsed.endpoint;
            if (endpoint.method.isHttpMethod() && OpenApiContract.isApi(endpoint.path)) {
                routes.add(endpoint.method.name().toUpperCase(Locale.ROOT) + " " + endpoint.path);
            }
        }
        return routes;
    }

    @Test
    void every_api_route_of_the_router_is_in_the_document_and_every_operation_of_the_document_is_a_route() {
        Set<String> documented = new OpenApiContract(OpenApiDocument.load()).operations();
        Set<String> routes = routes();
        Set<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(documented);
        Set<String> unrouted = new TreeSet<>(documented);
        unrouted.removeAll(routes);
        assertTrue(undocumented.isEmpty(), () -> "routes missing from openapi.json: " + undocumented);
        assertTrue(unrouted.isEmpty(), () -> "operations of openapi.json that no route serves: " + unrouted);
        assertTrue(routes.size() > 25, () -> "suspiciously few API routes: " + routes);
    }

    @Test
    void the_served_document_is_openapi_3_1_with_this_nodes_public_url_as_its_server() {
        ApiClient.Response r = node.client().get("/openapi.json");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode doc = r.json();
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertEquals("https://tokendesk.example.com", doc.get("servers").get(0).get("url").asText());
        assertEquals(OpenApiDocument.load().get("paths"), doc.get("paths"));
    }

    @Test
    void the_pages_of_the_operator_ui_are_not_part_of_the_contract() {
        assertTrue(!OpenApiContract.isApi("/") && !OpenApiContract.isApi("/sign-in")
                && !OpenApiContract.isApi("/accounts/AC0123456789abcdef0123456789abcdef/legacy-token"));
        assertTrue(OpenApiContract.isApi("/v1/auth/check") && OpenApiContract.isApi("/api/v1/keys"));
    }
}
