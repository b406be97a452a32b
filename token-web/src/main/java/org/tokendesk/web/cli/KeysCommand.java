package org.tokendesk.web.cli;

import java.util.concurrent.Callable;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.EmailAddress;
import org.tokendesk.domain.operator.ManagementKeyService;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.tx.Transactions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Personal management keys, for scripts and automation that start on the machine itself. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create management keys.",
        subcommands = KeysCommand.Create.class)
public final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public KeysCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TokendeskCommand.EXIT_USAGE;
    }

    /** {@code keys create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a management key for an operator. Only the key goes to standard output "
                    + "(shown once: KEY=$(tokendesk keys create …)); the rest goes to standard error.")
    public static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "The operator the key acts for.")
        String email;

        @Option(names = "--name", required = true, description = "What the key is for, such as 'deploy pipeline'.")
        String name;

        public Create() {
            // picocli instantiates it
        }

        @Override
        public Integer call() {
            TokendeskCommand root = TokendeskCommand.root(spec);
            try (CommandSession session = CommandSession.open(root.settings())) {
                String normalized = EmailAddress.normalize(email).orElseThrow(() ->
                        new CommandFailedException("--email: '" + email + "' is not an email address",
                                TokendeskCommand.EXIT_USAGE));
                Operator operator = session.get(Transactions.class)
                        .read(s -> s.operators().findByEmail(normalized))
                        .orElseThrow(() -> new CommandFailedException("no operator with email " + normalized));
                var created = session.get(ManagementKeyService.class)
                        .create(Actor.of(operator), name, RequestOrigin.SYSTEM);
                spec.commandLine().getOut().println(created.secret().reveal());
                spec.commandLine().getErr().println("created management key " + created.key().id() + " '"
                        + created.key().name() + "' for " + operator.email() + "; it is shown only this once. "
                        + "Use it as: Authorization: Bearer <key>");
                return TokendeskCommand.EXIT_OK;
            }
        }
    }
}
