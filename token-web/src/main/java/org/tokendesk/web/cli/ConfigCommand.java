package org.tokendesk.web.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tokendesk.web.config.SettingsLoader;
import org.tokendesk.web.config.SettingsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The settings, as tokendesk would use them. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check the settings.",
        subcommands = ConfigCommand.Check.class)
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public ConfigCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TokendeskCommand.EXIT_USAGE;
    }

    /** {@code config check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Print the effective settings (config file and environment; the environment wins), "
                    + "each with where it comes from, secrets masked; exit 3 with one line per wrong setting.")
    public static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        public Check() {
            // picocli instantiates it
        }

        @Override
        public Integer call() {
            TokendeskCommand root = TokendeskCommand.root(spec);
            SettingsReport report = SettingsLoader.report(
                    SettingsLoader.configFile(root.configFile, root.environment()), root.environment());
            PrintWriter out = spec.commandLine().getOut();
            out.println("config file: " + report.configFile().map(p -> p.toAbsolutePath().toString())
                    .orElse("none (use --config FILE or TOKENDESK_CONFIG)"));
            int width = report.entries().stream().mapToInt(e -> e.name().length()).max().orElse(20);
            for (SettingsReport.Entry e : report.entries()) {
                out.printf("%-" + width + "s  %-40s  %s%n", e.name(), e.value() == null ? "(not set)" : e.value(),
                        e.source().label());
            }
            PrintWriter err = spec.commandLine().getErr();
            report.warnings().forEach(w -> err.println("warning: " + w));
            if (!report.valid()) {
                err.println("tokendesk cannot start with these settings:\n  - " + String.join("\n  - ", report.problems()));
                return TokendeskCommand.EXIT_SETTINGS;
            }
            out.println("the settings are valid");
            return TokendeskCommand.EXIT_OK;
        }
    }
}
