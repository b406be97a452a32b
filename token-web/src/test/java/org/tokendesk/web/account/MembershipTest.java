package org.tokendesk.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** {@code PUT} and {@code DELETE /api/v1/accounts/{accountSid}/members/{email}}: API.md section 2. */
class MembershipTest {

    static TestNode node;
    static ApiClient platformAdmin;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
        platformAdmin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String members(String sid, String email) {
        return "/api/v1/accounts/" + sid + "/members/" + email;
    }

    /** An account whose only admin is a fresh operator (not a platform admin). */
    private static Account accountWithOwnAdmin() {
        String sid = platformAdmin.createAccount("Members");
        ApiClient accountAdmin = node.newOperator("account-admin");
        platformAdmin.putMember(sid, accountAdmin.email(), "admin");
        assertEquals(204, platformAdmin.delete(members(sid, TestNode.ADMIN_EMAIL)).status());
        return new Account(sid, accountAdmin);
    }

    private record Account(String sid, ApiClient admin) {
    }

    @Test
    void an_account_admin_adds_a_member_with_200_and_the_same_answer_twice() {
        Account a = accountWithOwnAdmin();
        ApiClient viewer = node.newOperator("viewer");
        assertProblem(viewer.get("/api/v1/accounts/" + a.sid()), 404);

        ApiClient.Response first = a.admin().put(members(a.sid(), viewer.email()), Map.of("role", "viewer"));
        assertEquals(200, first.status(), first.body());
        ApiClient.Response second = a.admin().put(members(a.sid(), viewer.email()), Map.of("role", "viewer"));
        assertEquals(200, second.status(), second.body());
        assertEquals(first.body(), second.body());

        assertEquals(200, viewer.get("/api/v1/accounts/" + a.sid()).status());
    }

    @Test
    void put_changes_the_role_of_an_existing_member() {
        Account a = accountWithOwnAdmin();
        ApiClient member = node.newOperator("promoted");
        a.admin().putMember(a.sid(), member.email(), "viewer");
        assertProblem(member.post("/api/v1/accounts/" + a.sid() + "/legacy-token", null), 403);

        assertEquals(200, a.admin().put(members(a.sid(), member.email()), Map.of("role", "admin")).status());
        assertEquals(201, member.post("/api/v1/accounts/" + a.sid() + "/legacy-token", null).status());

        assertEquals(200, member.put(members(a.sid(), a.admin().email()), Map.of("role", "viewer")).status(),
                "one admin may demote another while an admin remains");
        assertProblem(a.admin().get("/api/v1/accounts/" + a.sid() + "/legacy-token/credentials"), 403);
    }

    @Test
    void the_email_in_the_path_is_matched_without_regard_to_case() {
        Account a = accountWithOwnAdmin();
        ApiClient member = node.newOperator("casing");
        assertEquals(200, a.admin().put(members(a.sid(), member.email().toUpperCase(java.util.Locale.ROOT)),
                Map.of("role", "viewer")).status());
        assertEquals(200, member.get("/api/v1/accounts/" + a.sid()).status());
    }

    @Test
    void a_platform_admin_who_is_not_a_member_manages_members_and_is_audited() {
        Account a = accountWithOwnAdmin();
        assertProblem(platformAdmin.get("/api/v1/accounts/" + a.sid()), 404);
        assertProblem(platformAdmin.get("/api/v1/accounts/" + a.sid() + "/audit"), 404);
        ApiClient member = node.newOperator("added-by-platform");

        ApiClient.Response first = platformAdmin.put(members(a.sid(), member.email()), Map.of("role", "viewer"));
        assertEquals(200, first.status(), first.body());
        ApiClient.Response second = platformAdmin.put(members(a.sid(), member.email()), Map.of("role", "viewer"));
        assertEquals(200, second.status(), second.body());
        assertEquals(first.body(), second.body());
        assertEquals(200, member.get("/api/v1/accounts/" + a.sid()).status());
        assertProblem(platformAdmin.get("/api/v1/accounts/" + a.sid()), 404);

        JsonNode event = null;
        for (JsonNode e : a.admin().get("/api/v1/accounts/" + a.sid() + "/audit").json().get("events")) {
            if (event == null && "member.changed".equals(e.get("action").asText())) {
                event = e;
            }
        }
        assertNotNull(event, "the platform admin's change is audited");
        assertEquals(TestNode.ADMIN_EMAIL, event.get("actor").asText());
        assertTrue(event.get("details").toString().contains(member.email()), event.toString());

        assertEquals(204, platformAdmin.delete(members(a.sid(), member.email())).status());
        assertProblem(member.get("/api/v1/accounts/" + a.sid()), 404);
    }

    @Test
    void a_platform_admin_gets_404_for_the_members_of_an_unknown_account() {
        ApiClient member = node.newOperator("nowhere");
        String unknown = "AC" + "ab".repeat(16);
        assertProblem(platformAdmin.put(members(unknown, member.email()), Map.of("role", "viewer")), 404);
        assertProblem(platformAdmin.delete(members(unknown, member.email())), 404);
    }

    @Test
    void a_role_other_than_admin_or_viewer_is_400() {
        Account a = accountWithOwnAdmin();
        ApiClient member = node.newOperator("bad-role");
        for (String role : new String[] {"owner", "ADMIN", "", "read_only"}) {
            assertFieldError(a.admin().put(members(a.sid(), member.email()), Map.of("role", role)), 400, "role");
        }
        assertFieldError(a.admin().put(members(a.sid(), member.email()), Map.of()), 400, "role");
        assertFieldError(a.admin().put(members(a.sid(), member.email()), Map.of("role", "viewer", "x", 1)), 400, "x");
        assertProblem(member.get("/api/v1/accounts/" + a.sid()), 404);
    }

    @Test
    void an_unknown_email_is_404() {
        Account a = accountWithOwnAdmin();
        assertProblem(a.admin().put(members(a.sid(), TestNode.uniqueEmail("ghost")), Map.of("role", "viewer")), 404);
        assertProblem(a.admin().delete(members(a.sid(), TestNode.uniqueEmail("ghost"))), 404);
    }

    @Test
    void a_viewer_cannot_change_members() {
        Account a = accountWithOwnAdmin();
        ApiClient viewer = node.newOperator("viewer");
        a.admin().putMember(a.sid(), viewer.email(), "viewer");
        ApiClient other = node.newOperator("other");

        assertProblem(viewer.put(members(a.sid(), other.email()), Map.of("role", "viewer")), 403);
        assertProblem(viewer.put(members(a.sid(), viewer.email()), Map.of("role", "admin")), 403);
        assertProblem(viewer.delete(members(a.sid(), a.admin().email())), 403);
        assertProblem(other.get("/api/v1/accounts/" + a.sid()), 404);
    }

    @Test
    void removing_a_member_answers_204_and_ends_their_access() {
        Account a = accountWithOwnAdmin();
        ApiClient member = node.newOperator("removed");
        a.admin().putMember(a.sid(), member.email(), "admin");
        assertEquals(200, member.get("/api/v1/accounts/" + a.sid()).status());

        ApiClient.Response r = a.admin().delete(members(a.sid(), member.email()));
        assertEquals(204, r.status(), r.body());
        assertProblem(member.get("/api/v1/accounts/" + a.sid()), 404);
        assertEquals(0, member.get("/api/v1/accounts").json().get("accounts").size());
        assertProblem(a.admin().delete(members(a.sid(), member.email())), 404);
    }

    @Test
    void the_last_admin_can_be_neither_removed_nor_demoted() {
        Account a = accountWithOwnAdmin();
        String self = members(a.sid(), a.admin().email());
        assertProblem(a.admin().delete(self), 409);
        assertProblem(a.admin().put(self, Map.of("role", "viewer")), 409);
        assertProblem(platformAdmin.delete(self), 409);
        assertProblem(platformAdmin.put(self, Map.of("role", "viewer")), 409);
        assertEquals(200, a.admin().put(self, Map.of("role", "admin")).status(), "staying admin is fine");
        assertEquals(201, a.admin().post("/api/v1/accounts/" + a.sid() + "/legacy-token", null).status(),
                "still the admin");
    }

    @Test
    void an_admin_may_leave_once_another_admin_exists() {
        Account a = accountWithOwnAdmin();
        ApiClient second = node.newOperator("second-admin");
        a.admin().putMember(a.sid(), second.email(), "admin");
        assertEquals(204, a.admin().delete(members(a.sid(), a.admin().email())).status());
        assertProblem(second.delete(members(a.sid(), second.email())), 409);
    }

    @Test
    void an_email_with_a_plus_works_in_the_path_raw_and_percent_encoded() {
        Account a = accountWithOwnAdmin();
        String email = "ops+" + TestNode.uniqueEmail("tagged");
        assertEquals(201, platformAdmin.post("/api/v1/operators",
                Map.of("email", email, "password", TestNode.OPERATOR_PASSWORD)).status());
        ApiClient tagged = node.client().signIn(email, TestNode.OPERATOR_PASSWORD);

        ApiClient.Response encoded = a.admin().put(members(a.sid(), email.replace("+", "%2B").replace("@", "%40")),
                Map.of("role", "viewer"));
        assertEquals(200, encoded.status(), encoded.body());
        assertEquals(200, tagged.get("/api/v1/accounts/" + a.sid()).status());
        ApiClient.Response raw = a.admin().put(members(a.sid(), email), Map.of("role", "admin"));
        assertEquals(200, raw.status(), raw.body());
        assertEquals(201, tagged.post("/api/v1/accounts/" + a.sid() + "/legacy-token", null).status());
    }
}
