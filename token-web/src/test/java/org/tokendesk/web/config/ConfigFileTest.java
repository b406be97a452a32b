package org.tokendesk.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file mirrors every environment variable; the environment wins. */
class ConfigFileTest {

    @TempDir
    Path dir;

    private Optional<Path> file(String text) throws IOException {
        Path f = dir.resolve("tokendesk.conf");
        Files.writeString(f, text);
        return Optional.of(f);
    }

    @Test
    void the_file_sets_settings_by_their_environment_names_and_the_environment_wins() throws IOException {
        Optional<Path> conf = file("# comment\n\nTOKENDESK_HTTP_PORT=9090\nexport TOKENDESK_CHECK_FAILURE_LIMIT = 7\n"
                + "TOKENDESK_API_VERSIONS='v1,v2'\nTOKENDESK_DEFAULT_API_VERSION=\"v1\"\nTOKENDESK_NOTIFIER_LOGFILE_PATH=/tmp/x\n"
                + "TOKENDESK_LOG_FORMAT=json\n");
        Settings s = SettingsLoader.load(conf, Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", "11", "TOKENDESK_HTTP_HOST", " "));
        assertEquals(9090, s.httpPort());
        assertEquals(11, s.checkFailureLimit());
        assertEquals("127.0.0.1", s.httpHost());
        assertEquals(java.util.List.of("v1", "v2"), s.apiVersions().available());
        assertEquals("v1", s.apiVersions().defaultVersion());
        assertEquals("/tmp/x", s.raw().get("TOKENDESK_NOTIFIER_LOGFILE_PATH"));
        assertEquals(LogFormat.JSON, s.logFormat());
    }

    @Test
    void every_problem_of_the_file_and_of_the_environment_is_reported_at_once_without_values() throws IOException {
        Optional<Path> conf = file("TOKENDESK_HTTP_PORT=1\nTOKENDESK_HTTP_PORT=2\nTOKENDESK_SMTP_PASWORD=s3cr3t-value\n"
                + "HTTP_PORT=3\nTOKENDESK_CONFIG=/etc/other\nTOKENDESK_PUBLIC_URL=\"unclosed\n");
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(conf, Map.of("TOKENDESK_DB_POOL_SIZE", "0")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("line 2: TOKENDESK_HTTP_PORT is set twice (also on line 1)"), all);
        assertTrue(all.contains("TOKENDESK_SMTP_PASWORD is not a tokendesk setting; did you mean TOKENDESK_SMTP_PASSWORD?"), all);
        assertTrue(all.contains("line 4: 'HTTP_PORT' is not a setting name"), all);
        assertTrue(all.contains("line 5: TOKENDESK_CONFIG cannot be set in a config file"), all);
        assertTrue(all.contains("line 6: the value of TOKENDESK_PUBLIC_URL has an opening quote"), all);
        assertTrue(all.contains("TOKENDESK_DB_POOL_SIZE must be a whole number"), all);
        assertFalse(all.contains("s3cr3t-value"), all);
        assertEquals(6, e.problems().size(), all);
    }

    @Test
    void tokendesk_config_names_the_file_when_no_option_does() throws IOException {
        Optional<Path> conf = file("TOKENDESK_HTTP_PORT=9393\n");
        Settings s = Settings.from(Map.of("TOKENDESK_CONFIG", conf.get().toString()));
        assertEquals(9393, s.httpPort());
        assertEquals(conf, SettingsLoader.configFile(null, Map.of("TOKENDESK_CONFIG", conf.get().toString())));
        assertEquals(Optional.of(Path.of("/x")), SettingsLoader.configFile(Path.of("/x"), Map.of("TOKENDESK_CONFIG", "/y")));
    }

    @Test
    void a_log_format_other_than_text_or_json_is_a_settings_problem() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.from(Map.of("TOKENDESK_LOG_FORMAT", "xml")));
        assertTrue(e.getMessage().contains("TOKENDESK_LOG_FORMAT must be text or json, not 'xml'"), e.getMessage());
        assertEquals(LogFormat.JSON, Settings.from(Map.of("TOKENDESK_LOG_FORMAT", "JSON")).logFormat());
        assertEquals(LogFormat.TEXT, Settings.from(Map.of()).logFormat());
    }

    @Test
    void the_report_masks_secrets_by_name_and_passwords_inside_urls() {
        for (String name : new String[] {"TOKENDESK_DB_PASSWORD", "TOKENDESK_MASTER_KEY", "TOKENDESK_SMTP_PASSWORD",
            "TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD", "TOKENDESK_NOTIFIER_X_SECRET", "TOKENDESK_NOTIFIER_X_API_KEY",
            "TOKENDESK_NOTIFIER_SLACK_TOKEN"}) {
            assertTrue(SettingsReport.isSecret(name), name);
            assertEquals(SettingsReport.MASK, SettingsReport.display(name, "value"));
        }
        assertFalse(SettingsReport.isSecret("TOKENDESK_TOKEN_REDISPLAY"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=********&ssl=true",
                SettingsReport.display("TOKENDESK_DB_URL", "jdbc:postgresql://h/db?user=u&password=pw&ssl=true"));
    }
}
