package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** {@code master-key rotate}: everything encrypted moves to a new key; tokens and checks keep working. */
class MasterKeyRotateCommandTest {

    private static LegacyTokens seed(TestNode node) {
        ApiClient admin = node.admin();
        String sid = admin.createAccount("Rotated");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        admin.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Hook", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "webhookUrl", "https://hooks.example.com/x", "scopes", List.of("read_write"),
                "channels", List.of("webhook")));
        return t;
    }

    private static void assertSame(TestNode node, LegacyTokens t) {
        ApiClient admin = node.admin();
        var c = admin.get("/api/v1/accounts/" + t.accountSid() + "/legacy-token/credentials").json();
        assertEquals(t.readWrite(), c.get("readWrite").get("authToken").asText());
        assertEquals(t.readOnly(), c.get("readOnly").get("authToken").asText());
        assertEquals(204, admin.check(t.accountSid(), t.readWrite(), Map.of()).status());
    }

    @Test
    void with_the_key_file_a_new_key_replaces_it_and_the_old_one_is_kept_aside() throws IOException {
        TestNode node = TestNode.sqlite(Map.of("TOKENDESK_MASTER_KEY", ""));
        LegacyTokens t;
        try {
            t = seed(node);
        } finally {
            node.close();
        }
        Path keyFile = node.dataDir().resolve("master.key");
        String oldKey = Files.readString(keyFile);
        Cli.Result r = Cli.run(node.env(), "master-key", "rotate");
        assertEquals(0, r.exit(), r::toString);
        // two server keys: the token pepper and the acknowledgement-link key
        assertTrue(r.out().contains("re-encrypted 2 token(s), the webhook secrets of 1 integration(s) and 2 server key(s)"),
                r::toString);
        String newKey = Files.readString(keyFile);
        assertNotEquals(oldKey, newKey);
        assertFalse(r.all().contains(oldKey.strip()) || r.all().contains(newKey.strip()), "a key in the output");
        try (Stream<Path> files = Files.list(node.dataDir())) {
            Path retired = files.filter(f -> f.getFileName().toString().startsWith("master.key.retired-")).findFirst()
                    .orElseThrow();
            assertEquals(oldKey, Files.readString(retired));
        }
        TestNode after = node.sibling();
        try {
            assertSame(after, t);
        } finally {
            after.close();
        }
    }

    @Test
    void with_tokendesk_master_key_the_new_key_comes_on_standard_input_and_the_old_key_no_longer_starts_a_node() {
        TestNode node = TestNode.sqlite();
        LegacyTokens t;
        try {
            t = seed(node);
        } finally {
            node.close();
        }
        Cli.Result refused = Cli.run(node.env(), "master-key", "rotate");
        assertEquals(2, refused.exit(), refused::toString);
        assertTrue(refused.err().contains("--new-key-stdin"), refused::toString);

        String newKey = MasterKey.generate(new SecureRandomGenerator()).toBase64();
        Cli.Result r = Cli.runWithInput(node.env(), newKey + "\n", "master-key", "rotate", "--new-key-stdin");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("set TOKENDESK_MASTER_KEY to the new key"), r::toString);
        assertFalse(r.all().contains(newKey) || r.all().contains(node.env().get("TOKENDESK_MASTER_KEY")));

        // interrupted or repeated: running it again with the same new key finds everything rotated already
        Cli.Result again = Cli.runWithInput(node.env(), newKey + "\n", "master-key", "rotate", "--new-key-stdin");
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().contains("re-encrypted 0 token(s)") && again.out().contains("were under it already"),
                again::toString);

        assertThrows(RuntimeException.class, () -> node.sibling().close(), "the old key must no longer open this database");
        Map<String, String> rotated = new HashMap<>(node.env());
        rotated.put("TOKENDESK_MASTER_KEY", newKey);
        rotated.put("TOKENDESK_HTTP_PORT", "0");
        TestNode after = TestNode.sqlite(rotated);
        try {
            assertSame(after, t);
        } finally {
            after.close();
        }
    }

    @Test
    void a_key_that_is_not_base64_of_32_bytes_is_refused_without_being_echoed() {
        TestNode node = TestNode.sqlite();
        node.close();
        Cli.Result r = Cli.runWithInput(node.env(), "not-a-key-at-all\n", "master-key", "rotate", "--new-key-stdin");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("openssl rand -base64 32"), r::toString);
        assertFalse(r.all().contains("not-a-key-at-all"));
    }
}
