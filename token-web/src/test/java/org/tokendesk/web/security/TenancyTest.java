package org.tokendesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/**
 * Every route under {@code /api/v1/accounts/{accountSid}} answers 404 to an operator who is not a
 * member of the account, for an existing account and for one that does not exist, with the same
 * body. The routes come from the router, so a route added later is covered without anyone
 * remembering to add it here.
 */
class TenancyTest {

    static TestNode node;
    static ApiClient admin;
    static ApiClient outsider;
    static String sid;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
        admin = node.admin();
        sid = admin.post("/api/v1/accounts", Map.of("name", "Private")).text("accountSid");
        admin.post("/api/v1/accounts/" + sid + "/legacy-token", null);
        admin.post("/api/v1/operators", Map.of("email", "outsider@example.com", "password", "an outsider's password"));
        outsider = node.client().signIn("outsider@example.com", "an outsider's password");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static List<ParsedEndpoint> accountRoutes() {
        List<ParsedEndpoint> routes = new ArrayList<>();
        for (ParsedEndpoint e : node.app().server().unsafe.internalRouter.allHttpHandlers()) {
            String method = e.endpoint.method.name();
            if (e.endpoint.path.startsWith("/api/v1/accounts/{accountSid}") && e.endpoint.method.isHttpMethod()
                    && !method.equals("HEAD") && !method.equals("OPTIONS")) {
                routes.add(e);
            }
        }
        return routes;
    }

    static String fill(String path, String accountSid) {
        return path.replace("{accountSid}", accountSid).replace("{scope}", "read-write").replace("{id}", "int_0")
                .replace("{email}", "root@example.com");
    }

    @Test
    void the_router_has_the_account_routes_this_test_is_about() {
        assertTrue(accountRoutes().size() >= 15, "found " + accountRoutes().size());
    }

    @Test
    void every_account_route_is_not_found_for_a_non_member() {
        List<String> leaks = new ArrayList<>();
        String unknown = "AC" + "0".repeat(32);
        for (ParsedEndpoint route : accountRoutes()) {
            String method = route.endpoint.method.name();
            var existing = outsider.send(method, fill(route.endpoint.path, sid), "{}", Map.of());
            var missing = outsider.send(method, fill(route.endpoint.path, unknown), "{}", Map.of());
            boolean sameBody = existing.body().replace(sid, "SID").equals(missing.body().replace(unknown, "SID"));
            if (existing.status() != 404 || missing.status() != 404 || !sameBody) {
                leaks.add(method + " " + route.endpoint.path + " -> " + existing.status() + " / " + missing.status());
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void the_member_sees_the_same_routes_answer_something_else_than_not_found_for_the_card() {
        assertEquals(200, admin.get("/api/v1/accounts/" + sid + "/legacy-token").status());
        assertEquals(404, outsider.get("/api/v1/accounts/" + sid + "/legacy-token").status());
    }
}
