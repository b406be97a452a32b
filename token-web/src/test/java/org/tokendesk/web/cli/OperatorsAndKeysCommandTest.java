package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** {@code operators create}, {@code operators reset-password}, {@code keys create}, against a running node. */
class OperatorsAndKeysCommandTest {

    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void operators_create_reads_the_password_from_standard_input_and_the_operator_can_sign_in() {
        String email = TestNode.uniqueEmail("cli");
        String password = "a long password from stdin";
        Cli.Result r = Cli.runWithInput(node.env(), password + "\n", "operators", "create", "--email", email, "--name", "Cli Op",
                "--platform-admin", "--password-stdin");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("created operator " + email) && r.out().contains("platform admin"), r::toString);
        assertFalse(r.all().contains(password), "the password was echoed");
        ApiClient op = node.client().signIn(email, password);
        assertEquals(201, op.post("/api/v1/accounts", Map.of("name", "made by a cli operator")).status());
    }

    @Test
    void operators_create_refuses_a_weak_password_and_a_taken_email_with_exit_1() {
        String email = TestNode.uniqueEmail("weak");
        Cli.Result weak = Cli.runWithInput(node.env(), "short\n", "operators", "create", "--email", email, "--password-stdin");
        assertEquals(1, weak.exit(), weak::toString);
        assertTrue(weak.err().contains("password"), weak::toString);
        assertFalse(weak.all().contains("short\n"));
        Cli.Result taken = Cli.runWithInput(node.env(), "a long enough password\n", "operators", "create", "--email",
                TestNode.ADMIN_EMAIL, "--password-stdin");
        assertEquals(1, taken.exit(), taken::toString);
        assertTrue(taken.err().contains("exists already"), taken::toString);
    }

    @Test
    void without_a_terminal_a_password_must_come_on_standard_input_else_exit_2() {
        Cli.Result r = Cli.run(node.env(), "operators", "create", "--email", TestNode.uniqueEmail("tty"));
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--password-stdin"), r::toString);
    }

    @Test
    void reset_password_sets_a_new_password_and_ends_every_session_of_the_operator() {
        String email = TestNode.uniqueEmail("reset");
        assertEquals(0, Cli.runWithInput(node.env(), "first long password\n", "operators", "create", "--email", email,
                "--password-stdin").exit());
        ApiClient before = node.client().signIn(email, "first long password");
        assertEquals(200, before.get("/api/v1/accounts").status());
        Cli.Result r = Cli.runWithInput(node.env(), "second long password\n", "operators", "reset-password", "--email", email,
                "--password-stdin");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("sessions have ended"), r::toString);
        assertEquals(401, before.get("/api/v1/accounts").status());
        assertThrows(IllegalStateException.class, () -> node.client().signIn(email, "first long password"));
        assertEquals(200, node.client().signIn(email, "second long password").get("/api/v1/accounts").status());
        Cli.Result unknown = Cli.runWithInput(node.env(), "second long password\n", "operators", "reset-password", "--email",
                "nobody@example.com", "--password-stdin");
        assertEquals(1, unknown.exit(), unknown::toString);
    }

    @Test
    void keys_create_prints_only_the_key_on_standard_output_and_it_works_as_a_bearer_key() {
        Cli.Result r = Cli.run(node.env(), "keys", "create", "--email", TestNode.ADMIN_EMAIL, "--name", "deploy");
        assertEquals(0, r.exit(), r::toString);
        String key = r.out().strip();
        assertTrue(key.matches("tdmk_[0-9A-Za-z]{40}"), r::toString);
        assertFalse(r.err().contains(key), "the key also went to standard error");
        assertTrue(r.err().contains("shown only this once"), r::toString);
        ApiClient bearer = node.client().withBearer(key);
        assertEquals(200, bearer.get("/api/v1/keys").status());
        assertEquals(1, Cli.run(node.env(), "keys", "create", "--email", "nobody@example.com", "--name", "x").exit());
    }

    @Test
    void commands_refuse_to_run_on_a_database_that_does_not_exist_yet() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(node.env());
        env.put("TOKENDESK_DATA_DIR", node.dataDir().resolve("nowhere").toString());
        Cli.Result r = Cli.run(env, "keys", "create", "--email", TestNode.ADMIN_EMAIL, "--name", "x");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("tokendesk migrate"), r::toString);
    }
}
