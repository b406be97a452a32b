package org.tokendesk.web.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tokendesk.domain.operator.EmailAddress;
import org.tokendesk.domain.token.LegacyImport;
import org.tokendesk.domain.token.TokenIssuer;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.web.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import-legacy FILE.csv}: the token pairs of agencies moving onto tokendesk, with their
 * values kept, so existing credentials keep working. One report line per row; never a token.
 */
@Command(name = "import-legacy", mixinStandardHelpOptions = true,
        description = {"Import legacy token pairs from a CSV file with the header "
                + "accountSid,name,readWriteToken,readOnlyToken,createdAt,apiVersion (any order).",
            "Tokens keep their values; a card is legacy when createdAt is before the cutoff "
                    + "(TOKENDESK_LEGACY_CUTOFF). Each row is imported whole or not at all; running the same file "
                    + "again changes nothing; a card that exists already is never overwritten. "
                    + "Exit 1 when any row was rejected."})
public final class ImportLegacyCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("accountSid", "name", "readWriteToken", "readOnlyToken", "createdAt",
            "apiVersion");
    private static final int BAR_FROM_BYTES = 64 * 1024;

    /** When the progress bar shows. */
    enum ProgressMode { auto, always, never }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The CSV file (UTF-8).")
    Path file;

    @Option(names = "--dry-run", description = "Check every row and report what would happen; write nothing.")
    boolean dryRun;

    @Option(names = "--admin", paramLabel = "EMAIL",
            description = "Make this operator an admin of every account the import creates.")
    String admin;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the per-row report to FILE instead of "
            + "standard output (the summary still goes to standard output).")
    Path reportFile;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress bar on standard error: ${COMPLETION-CANDIDATES} (auto: on a terminal, for large files).")
    ProgressMode progress;

    public ImportLegacyCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = TokendeskCommand.root(spec).settings();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(file + " does not exist", TokendeskCommand.EXIT_USAGE);
        }
        try (CommandSession session = CommandSession.open(settings);
                CountingStream counted = new CountingStream(Files.newInputStream(file));
                Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                ReportOut report = ReportOut.open(reportFile, spec.commandLine().getOut())) {
            Transactions tx = session.get(Transactions.class);
            String adminId = adminOperatorId(tx);
            LegacyImport importer = new LegacyImport(tx, session.get(TokenIssuer.class), settings.apiVersions(),
                    settings.legacyCutoff(), Clock.systemUTC());
            boolean bar = progress == ProgressMode.always
                    || progress == ProgressMode.auto && System.console() != null && size >= BAR_FROM_BYTES;
            ProgressBar progressBar = new ProgressBar(spec.commandLine().getErr(), bar);
            Tally tally = run(new CsvReader(reader), importer, adminId, report.writer(), progressBar, counted, size);
            progressBar.clear();
            PrintWriter out = spec.commandLine().getOut();
            out.println(tally.summary(dryRun));
            return tally.rejected > 0 ? TokendeskCommand.EXIT_FAILED : TokendeskCommand.EXIT_OK;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CommandFailedException(file + " is not UTF-8 text; save it as UTF-8 and import again "
                    + "(rows before the bad bytes were imported; running the import again skips them)");
        }
    }

    private String adminOperatorId(Transactions tx) {
        if (admin == null) {
            return null;
        }
        String email = EmailAddress.normalize(admin).orElseThrow(() ->
                new CommandFailedException("--admin: '" + admin + "' is not an email address", TokendeskCommand.EXIT_USAGE));
        return tx.read(s -> s.operators().findByEmail(email)).orElseThrow(() ->
                new CommandFailedException("--admin: no operator with email " + email + "; create one first with: "
                        + "tokendesk operators create --email " + email)).id();
    }

    private Tally run(CsvReader csv, LegacyImport importer, String adminId, PrintWriter report, ProgressBar bar,
            CountingStream counted, long size) throws IOException {
        CsvReader.Record header = csv.next();
        Map<String, Integer> columns = columns(header);
        Tally tally = new Tally();
        for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
            String line = outcome(record, columns, importer, adminId);
            tally.count(line);
            bar.clear();
            report.println("line " + record.line() + "  " + line);
            report.flush();
            bar.update(tally.rows, size == 0 ? 1 : (double) counted.count / size, true);
        }
        return tally;
    }

    private static Map<String, Integer> columns(CsvReader.Record header) {
        String expected = "the first line must be the header " + String.join(",", COLUMNS) + " (any order)";
        if (header == null || header.fields() == null) {
            throw new CommandFailedException("the file is empty or its header is malformed; " + expected);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = new ArrayList<>(header.fields());
        if (!names.isEmpty()) {
            names.set(0, names.get(0).replace("\uFEFF", ""));
        }
        for (int i = 0; i < names.size(); i++) {
            if (!COLUMNS.contains(names.get(i)) || columns.put(names.get(i), i) != null) {
                throw new CommandFailedException("column " + (i + 1) + " of the header is unknown or repeated; "
                        + expected);
            }
        }
        if (columns.size() != COLUMNS.size()) {
            List<String> missing = new ArrayList<>(COLUMNS);
            missing.removeAll(columns.keySet());
            throw new CommandFailedException("the header lacks " + String.join(", ", missing) + "; " + expected);
        }
        return columns;
    }

    private String outcome(CsvReader.Record record, Map<String, Integer> columns, LegacyImport importer, String adminId) {
        if (record.fields() == null) {
            return "rejected: the row is malformed: " + record.problem();
        }
        if (record.fields().size() != columns.size()) {
            return "rejected: the row has " + record.fields().size() + " fields, the header " + columns.size();
        }
        List<String> f = record.fields();
        var row = new LegacyImport.Row(f.get(columns.get("accountSid")), f.get(columns.get("name")),
                f.get(columns.get("readWriteToken")), f.get(columns.get("readOnlyToken")),
                f.get(columns.get("createdAt")), f.get(columns.get("apiVersion")));
        LegacyImport.Outcome outcome;
        try {
            outcome = importer.importRow(row, adminId, dryRun);
        } catch (RuntimeException e) {
            // a database error (another import at the same time, an outage): the row's transaction rolled back
            return "rejected: " + row.accountSid() + " could not be written (" + e.getClass().getSimpleName()
                    + "); nothing of the row was kept, import again later";
        }
        String verb = dryRun ? "would import" : "imported";
        if (outcome instanceof LegacyImport.Outcome.Imported i) {
            return verb + ": " + i.accountSid() + " (" + (i.newAccount() ? "new account" : "existing account") + ", "
                    + (i.legacy() ? "legacy" : "not legacy: created after the cutoff") + ", " + i.apiVersion() + ")";
        }
        if (outcome instanceof LegacyImport.Outcome.Unchanged u) {
            return "unchanged: " + u.accountSid() + " has these tokens already";
        }
        if (outcome instanceof LegacyImport.Outcome.Skipped s) {
            return "skipped: " + s.accountSid() + ": " + s.reason();
        }
        LegacyImport.Outcome.Rejected r = (LegacyImport.Outcome.Rejected) outcome;
        StringBuilder text = new StringBuilder("rejected:");
        if (r.accountSid() != null) {
            text.append(' ').append(r.accountSid()).append(':');
        }
        r.problems().forEach(p -> text.append(' ').append(p.field()).append(' ').append(p.message()).append(';'));
        text.setLength(text.length() - 1);
        return text.toString();
    }

    /** Counts of the report's outcomes. */
    private static final class Tally {
        long rows;
        long imported;
        long unchanged;
        long skipped;
        long rejected;

        void count(String line) {
            rows++;
            if (line.startsWith("imported") || line.startsWith("would import")) {
                imported++;
            } else if (line.startsWith("unchanged")) {
                unchanged++;
            } else if (line.startsWith("skipped")) {
                skipped++;
            } else {
                rejected++;
            }
        }

        String summary(boolean dryRun) {
            return rows + " row(s): " + imported + (dryRun ? " would be imported, " : " imported, ") + unchanged
                    + " unchanged, " + skipped + " skipped, " + rejected + " rejected"
                    + (dryRun ? " (dry run: nothing was written)" : "");
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Where the per-row report goes: standard output, or a file. */
    private record ReportOut(PrintWriter writer, boolean ownsWriter) implements AutoCloseable {

        static ReportOut open(Path file, PrintWriter stdout) throws IOException {
            if (file == null) {
                return new ReportOut(stdout, false);
            }
            OutputStream out = Files.newOutputStream(file);
            return new ReportOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true);
        }

        @Override
        public void close() {
            writer.flush();
            if (ownsWriter) {
                writer.close();
            }
        }
    }
}
