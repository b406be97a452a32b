package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Help, version and the exit codes of wrong usage. */
class CommandLineBasicsTest {

    @Test
    void help_lists_every_command_and_the_exit_codes() {
        Cli.Result r = Cli.run(Map.of(), "--help");
        assertEquals(0, r.exit(), r::toString);
        for (String command : List.of("serve", "migrate", "operators", "keys", "import-legacy", "audit", "master-key",
                "backup", "config", "class-archive")) {
            assertTrue(r.out().contains(command), () -> command + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes:") && r.out().contains("3   wrong settings"), r::toString);
        assertTrue(r.out().contains("--config=FILE"), r::toString);
    }

    @Test
    void version_prints_the_version_and_exits_0() {
        Cli.Result r = Cli.run(Map.of(), "--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("tokendesk "), r::toString);
    }

    @Test
    void an_unknown_command_or_a_missing_option_is_wrong_usage_with_exit_2() {
        assertEquals(2, Cli.run(Map.of(), "frobnicate").exit());
        assertEquals(2, Cli.run(Map.of(), "operators", "create").exit());
        assertEquals(2, Cli.run(Map.of(), "keys").exit());
        Cli.Result r = Cli.run(Map.of(), "import-legacy");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("FILE.csv"), r::toString);
    }

    @Test
    void subcommands_have_their_own_help() {
        Cli.Result r = Cli.run(Map.of(), "import-legacy", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--dry-run") && r.out().contains("readOnlyToken,createdAt,apiVersion"), r::toString);
    }

    @Test
    void wrong_settings_stop_a_command_with_exit_3_and_one_line_per_problem() {
        Cli.Result r = Cli.run(Map.of("TOKENDESK_HTTP_PORT", "abc", "TOKENDESK_CHECK_FAILURE_LIMIT", "-1"), "migrate");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("TOKENDESK_HTTP_PORT") && r.err().contains("TOKENDESK_CHECK_FAILURE_LIMIT"), r::toString);
        assertTrue(r.err().lines().skip(1).allMatch(l -> l.startsWith("  - ")), r::toString);
    }

    @Test
    void each_command_is_reached_by_its_name_and_built_alone() {
        for (Class<?> command : TokendeskCommand.SUBCOMMANDS) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            assertEquals(List.of(command), TokendeskCommand.subcommandsFor(name), name);
            assertEquals(List.of(command), TokendeskCommand.subcommandsFor("--config", "serve", name), name);
            assertEquals(List.of(command), TokendeskCommand.subcommandsFor("--config=x.env", name, "--help"), name);
        }
    }

    @Test
    void a_start_builds_no_command_and_help_or_a_wrong_word_builds_all() {
        assertEquals(List.of(), TokendeskCommand.subcommandsFor());
        assertEquals(List.of(), TokendeskCommand.subcommandsFor("--config", "tokendesk.env"));
        assertEquals(List.of(), TokendeskCommand.subcommandsFor("--config=tokendesk.env"));
        assertEquals(TokendeskCommand.SUBCOMMANDS, TokendeskCommand.subcommandsFor("--help"));
        assertEquals(TokendeskCommand.SUBCOMMANDS, TokendeskCommand.subcommandsFor("-V"));
        assertEquals(TokendeskCommand.SUBCOMMANDS, TokendeskCommand.subcommandsFor("frobnicate", "serve"));
        Cli.Result r = Cli.run(Map.of(), "migrat");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("migrate"), () -> "picocli names the command meant:\n" + r);
    }

    @Test
    void a_plain_start_serves_and_stops_on_wrong_settings_as_serve_does() {
        Map<String, String> wrong = Map.of("TOKENDESK_HTTP_PORT", "abc");
        Cli.Result plain = Cli.run(wrong);
        Cli.Result serve = Cli.run(wrong, "serve");
        assertEquals(3, plain.exit(), plain::toString);
        assertEquals(serve.exit(), plain.exit());
        assertEquals(serve.err(), plain.err());
        assertTrue(plain.err().contains("TOKENDESK_HTTP_PORT"), plain::toString);
    }
}
