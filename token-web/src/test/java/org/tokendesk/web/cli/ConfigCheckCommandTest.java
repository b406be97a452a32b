package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config check}: the effective settings, their sources, secrets masked. */
class ConfigCheckCommandTest {

    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String[] SECRETS = {"db-pass-w0rd", MASTER_KEY, "smtp-pass-w0rd", "admin-pass-w0rd",
        "plugin-api-k3y", "url-pass-w0rd"};

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("tokendesk.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void config_check_prints_every_setting_with_its_source_and_masks_every_secret() throws IOException {
        Path conf = file("TOKENDESK_HTTP_PORT=9090\nTOKENDESK_DB_PASSWORD=db-pass-w0rd\n"
                + "TOKENDESK_MASTER_KEY=" + MASTER_KEY + "\nTOKENDESK_SMTP_PASSWORD=\"smtp-pass-w0rd\"\n");
        Map<String, String> env = new HashMap<>();
        env.put("TOKENDESK_HTTP_PORT", "9191");
        env.put("TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD", "admin-pass-w0rd");
        env.put("TOKENDESK_NOTIFIER_SLACK_API_KEY", "plugin-api-k3y");
        env.put("TOKENDESK_DB_URL", "jdbc:postgresql://db:5432/td?user=td&password=url-pass-w0rd");
        Cli.Result r = Cli.run(env, "--config", conf.toString(), "config", "check");
        assertEquals(0, r.exit(), r::toString);
        for (String secret : SECRETS) {
            assertFalse(r.all().contains(secret), () -> "a secret in the output:\n" + r);
        }
        assertTrue(line(r, "TOKENDESK_HTTP_PORT").contains("9191") && line(r, "TOKENDESK_HTTP_PORT").endsWith("environment"),
                r::toString);
        assertTrue(line(r, "TOKENDESK_DB_PASSWORD").contains("********") && line(r, "TOKENDESK_DB_PASSWORD").endsWith("config file"));
        assertTrue(line(r, "TOKENDESK_MASTER_KEY").contains("********"));
        assertTrue(line(r, "TOKENDESK_SMTP_PASSWORD").contains("********"));
        assertTrue(line(r, "TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD").contains("********"));
        assertTrue(line(r, "TOKENDESK_NOTIFIER_SLACK_API_KEY").contains("********"));
        assertTrue(line(r, "TOKENDESK_DB_URL").contains("password=********"));
        assertTrue(line(r, "TOKENDESK_HTTP_HOST").contains("127.0.0.1") && line(r, "TOKENDESK_HTTP_HOST").endsWith("default"));
        assertTrue(r.out().contains("the settings are valid"));
    }

    private static String line(Cli.Result r, String name) {
        return r.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("(no line for " + name + ")").strip();
    }

    @Test
    void config_check_names_the_file_of_tokendesk_config_and_accepts_config_after_the_command_too() throws IOException {
        Path conf = file("TOKENDESK_HTTP_PORT=9292\n");
        Cli.Result fromVariable = Cli.run(Map.of("TOKENDESK_CONFIG", conf.toString()), "config", "check");
        assertEquals(0, fromVariable.exit(), fromVariable::toString);
        assertTrue(fromVariable.out().contains(conf.toAbsolutePath().toString()));
        assertTrue(line(fromVariable, "TOKENDESK_HTTP_PORT").contains("9292"));
        Cli.Result after = Cli.run(Map.of(), "config", "check", "--config", conf.toString());
        assertEquals(0, after.exit(), after::toString);
        assertTrue(line(after, "TOKENDESK_HTTP_PORT").contains("9292"), after::toString);
    }

    @Test
    void config_check_exits_3_with_one_line_per_wrong_setting_saying_how_to_fix_it() throws IOException {
        Path conf = file("TOKENDESK_HTTP_PROT=8080\nTOKENDESK_DB_PASSWORD=db-pass-w0rd\nnot a setting\n");
        Cli.Result r = Cli.run(Map.of("TOKENDESK_TOKEN_REDISPLAY", "maybe", "TOKENDESK_MASTER_KEY", "too-short"),
                "--config", conf.toString(), "config", "check");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("did you mean TOKENDESK_HTTP_PORT?"), r::toString);
        assertTrue(r.err().contains("tokendesk.conf line 3 is not NAME=value"), r::toString);
        assertTrue(r.err().contains("TOKENDESK_TOKEN_REDISPLAY must be true or false"), r::toString);
        assertTrue(r.err().contains("openssl rand -base64 32"), r::toString);
        assertFalse(r.all().contains("db-pass-w0rd") || r.all().contains("too-short"), r::toString);
    }

    @Test
    void a_missing_config_file_is_a_settings_problem_with_exit_3() {
        Cli.Result r = Cli.run(Map.of(), "--config", dir.resolve("absent.conf").toString(), "migrate");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("does not exist"), r::toString);
    }
}
