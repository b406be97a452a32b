package org.tokendesk.web.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.web.api.AuditEventView;
import org.tokendesk.web.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The audit log, for archives and log pipelines. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Export the audit log.",
        subcommands = AuditCommand.Export.class)
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public AuditCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TokendeskCommand.EXIT_USAGE;
    }

    /** {@code audit export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write audit events as JSON lines, oldest first, in the API's shape "
                    + "({\"id\",\"at\",\"actor\",\"action\",\"accountSid\",\"ip\",\"details\"}). Events of every "
                    + "account and of the platform (accountSid null). For incremental exports pass the last id "
                    + "seen as --after-id.")
    public static final class Export implements Callable<Integer> {

        private static final int PAGE = 500;

        @Spec
        CommandSpec spec;

        @Option(names = "--account", paramLabel = "SID", description = "Only this account's events.")
        String account;

        @Option(names = "--since", paramLabel = "TIME", description = "Only events at or after this ISO-8601 time.")
        String since;

        @Option(names = "--after-id", paramLabel = "ID", description = "Only events with a larger id.")
        long afterId;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write to this file (created or replaced) instead of standard output.")
        Path output;

        public Export() {
            // picocli instantiates it
        }

        @Override
        public Integer call() throws IOException {
            AccountSid sid = account == null ? null : AccountSid.parse(account).orElseThrow(() ->
                    new CommandFailedException("--account: an Account SID is AC followed by 32 lowercase hex digits",
                            TokendeskCommand.EXIT_USAGE));
            Instant from = parseSince();
            TokendeskCommand root = TokendeskCommand.root(spec);
            try (CommandSession session = CommandSession.open(root.settings())) {
                Transactions tx = session.get(Transactions.class);
                long written;
                if (output == null) {
                    written = export(tx, sid, from, spec.commandLine().getOut());
                } else {
                    try (OutputStream file = Files.newOutputStream(output, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                            Writer w = new OutputStreamWriter(file, StandardCharsets.UTF_8);
                            PrintWriter out = new PrintWriter(w)) {
                        written = export(tx, sid, from, out);
                    }
                }
                spec.commandLine().getErr().println("exported " + written + " audit event(s)"
                        + (output == null ? "" : " to " + output));
                return TokendeskCommand.EXIT_OK;
            }
        }

        private Instant parseSince() {
            if (since == null) {
                return null;
            }
            try {
                return Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new CommandFailedException("--since: use an ISO-8601 time such as 2026-01-31T00:00:00Z",
                        TokendeskCommand.EXIT_USAGE);
            }
        }

        private long export(Transactions tx, AccountSid sid, Instant from, PrintWriter out) {
            long cursor = afterId;
            long written = 0;
            while (true) {
                long after = cursor;
                List<AuditEvent> page = tx.read(s -> s.audit().after(after, PAGE));
                for (AuditEvent e : page) {
                    if ((sid == null || sid.equals(e.accountSid())) && (from == null || !e.at().isBefore(from))) {
                        out.println(line(e));
                        written++;
                    }
                }
                if (page.size() < PAGE) {
                    out.flush();
                    return written;
                }
                cursor = page.get(page.size() - 1).id();
            }
        }

        static String line(AuditEvent e) {
            try {
                return Json.mapper().writeValueAsString(new AuditEventView(e.id(), e.at(), e.actor(),
                        e.action().wireName(), e.accountSid() == null ? null : e.accountSid().value(), e.ip(),
                        e.details()));
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
