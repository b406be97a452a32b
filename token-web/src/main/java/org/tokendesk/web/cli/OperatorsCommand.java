package org.tokendesk.web.cli;

import java.util.concurrent.Callable;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.operator.OperatorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Operators, from the machine that runs tokendesk (when nobody can sign in, for example). */
@Command(name = "operators", mixinStandardHelpOptions = true, description = "Create operators, reset passwords.",
        subcommands = {OperatorsCommand.Create.class, OperatorsCommand.ResetPassword.class})
public final class OperatorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public OperatorsCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TokendeskCommand.EXIT_USAGE;
    }

    /** {@code operators create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an operator. The password is read from the terminal or standard input, "
                    + "never from the command line.")
    public static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "Sign-in email.")
        String email;

        @Option(names = "--name", description = "Display name (default: the email).")
        String name;

        @Option(names = "--platform-admin", description = "Make a platform admin (manages accounts and operators).")
        boolean platformAdmin;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        public Create() {
            // picocli instantiates it
        }

        @Override
        public Integer call() {
            TokendeskCommand root = TokendeskCommand.root(spec);
            try (CommandSession session = CommandSession.open(root.settings())) {
                String password = PasswordInput.read(root, passwordStdin, "password");
                Operator created = session.get(OperatorService.class)
                        .createFromCommandLine(new OperatorService.NewOperator(email, password, name, platformAdmin));
                spec.commandLine().getOut().println("created operator " + created.email() + " (" + created.id() + ")"
                        + (created.platformAdmin() ? ", platform admin" : ""));
                return TokendeskCommand.EXIT_OK;
            }
        }
    }

    /** {@code operators reset-password}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password for an operator and end all of their sessions.")
    public static final class ResetPassword implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "The operator's sign-in email.")
        String email;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        public ResetPassword() {
            // picocli instantiates it
        }

        @Override
        public Integer call() {
            TokendeskCommand root = TokendeskCommand.root(spec);
            try (CommandSession session = CommandSession.open(root.settings())) {
                String password = PasswordInput.read(root, passwordStdin, "new password");
                Operator operator = session.get(OperatorService.class).resetPasswordFromCommandLine(email, password);
                spec.commandLine().getOut().println("new password set for " + operator.email()
                        + "; their sessions have ended");
                return TokendeskCommand.EXIT_OK;
            }
        }
    }
}
