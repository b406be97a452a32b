package org.tokendesk.web.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tokendesk.domain.common.DomainException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.web.app.StartupException;
import org.tokendesk.web.config.Settings;
import org.tokendesk.web.config.SettingsException;
import org.tokendesk.web.config.SettingsLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line. Exit codes: 0 success, 1 runtime failure, 2 wrong usage, 3 wrong settings or
 * cannot start (data dir, database, master key).
 */
@Command(name = "tokendesk", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Self-hosted manager of legacy API credentials. Without a command: serve.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command failed (the message says why)",
            "2:wrong usage: unknown command or option, missing argument",
            "3:wrong settings, or tokendesk cannot start (data dir, database, master key)"})
public final class TokendeskCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them. They are added to the command line in
     * {@link #run}, only those the arguments can reach: picocli builds a command's model by
     * reflection over all its classes, which cost every start about a tenth of a second for
     * commands that a start never runs.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, MigrateCommand.class, OperatorsCommand.class,
            KeysCommand.class, ImportLegacyCommand.class, AuditCommand.class, MasterKeyCommand.class,
            BackupCommand.class, ConfigCommand.class, ClassArchiveCommand.class);

    /** Returned by serve: the server runs on, the JVM must not exit. */
    public static final int KEEP_RUNNING = -1;
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_SETTINGS = 3;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Settings file (NAME=value lines with the TOKENDESK_* names); "
                    + "default: $TOKENDESK_CONFIG. The environment wins over the file.")
    Path configFile;

    private final Map<String, String> environment;
    private final InputStream stdin;

    public TokendeskCommand() {
        this(System.getenv(), System.in);
    }

    TokendeskCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        return new ServeCommand().serve(this);
    }

    /** Runs the command line against the process environment. */
    public static int run(String... args) {
        return run(System.getenv(), System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args);
    }

    /** Runs the command line with these variables, input and outputs (tests run it in-process). */
    public static int run(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err,
            String... args) {
        if (args.length == 0) {
            // a plain start runs the root command, which serves: picocli's model of the root
            // command (reflection over its class, its converters) is not needed for that
            try {
                return new TokendeskCommand(env, stdin).call();
            } catch (RuntimeException e) {
                return failed(e, err);
            }
        }
        CommandLine cli = new CommandLine(new TokendeskCommand(env, stdin));
        for (Class<?> subcommand : subcommandsFor(args)) {
            cli.addSubcommand(subcommand);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
        int exit = cli.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * The subcommands these arguments can reach: the one named by the first word that is not an
     * option (or the value of {@code --config}); all of them when that word names none (picocli's
     * error then lists them) or when another option is given (help and version list them); none
     * without a word or option, which serves.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        boolean option = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config")) {
                i++;
            } else if (arg.startsWith("-")) {
                option |= !arg.startsWith("--config=");
            } else {
                for (Class<?> subcommand : SUBCOMMANDS) {
                    Command command = subcommand.getAnnotation(Command.class);
                    if (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg)) {
                        return List.of(subcommand);
                    }
                }
                return SUBCOMMANDS;
            }
        }
        return option ? SUBCOMMANDS : List.of();
    }

    /** Says why the command failed and answers its exit code. */
    private static int failed(Exception e, PrintWriter err) {
        int code = exitCode(e, err);
        err.flush();
        return code;
    }

    private static int exitCode(Exception e, PrintWriter err) {
        if (e instanceof SettingsException || e instanceof StartupException) {
            err.println(e.getMessage());
            return EXIT_SETTINGS;
        }
        if (e instanceof CommandFailedException failed) {
            err.println(failed.getMessage());
            return failed.exitCode();
        }
        if (e instanceof ValidationException invalid) {
            err.println("tokendesk: " + invalid.getMessage());
            invalid.errors().forEach(f -> err.println("  - " + f.field() + ": " + f.message()));
            return EXIT_FAILED;
        }
        if (e instanceof DomainException domain) {
            err.println("tokendesk: " + domain.getMessage());
            return EXIT_FAILED;
        }
        err.println("tokendesk failed: " + e.getMessage());
        return EXIT_FAILED;
    }

    /** The root command of the command being run (it holds the environment and --config). */
    static TokendeskCommand root(CommandSpec spec) {
        return (TokendeskCommand) spec.root().userObject();
    }

    /** Reads and validates the settings: the config file, then the environment, which wins. */
    Settings settings() {
        return SettingsLoader.load(SettingsLoader.configFile(configFile, environment), environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    InputStream stdin() {
        return stdin;
    }
}
