package org.tokendesk.web.cli;

import java.util.concurrent.Callable;
import org.tokendesk.web.app.StartupException;
import org.tokendesk.web.config.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Exit codes: 0 success, 1 runtime failure, 2 wrong usage, 3 wrong settings or
 * cannot start (data dir, database, master key).
 */
@Command(name = "tokendesk", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Self-hosted manager of legacy API credentials. Without a command: serve.",
        subcommands = {ServeCommand.class, MigrateCommand.class})
public final class TokendeskCommand implements Callable<Integer> {

    /** Returned by serve: the server runs on, the JVM must not exit. */
    public static final int KEEP_RUNNING = -1;
    public static final int EXIT_SETTINGS = 3;

    public TokendeskCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        return new ServeCommand().call();
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new TokendeskCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SettingsException || e instanceof StartupException) {
                commandLine.getErr().println(e.getMessage());
                return EXIT_SETTINGS;
            }
            commandLine.getErr().println("tokendesk failed: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }
}
