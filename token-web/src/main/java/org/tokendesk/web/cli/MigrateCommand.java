package org.tokendesk.web.cli;

import java.util.concurrent.Callable;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Applies pending migrations and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations and exit (serve does it too, at start).")
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public MigrateCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        Database db = Application.openAndMigrate(TokendeskCommand.root(spec).settings());
        db.close();
        spec.commandLine().getOut().println("database is up to date");
        return TokendeskCommand.EXIT_OK;
    }
}
