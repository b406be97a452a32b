package org.tokendesk.web.cli;

import java.util.concurrent.Callable;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.app.Application;
import org.tokendesk.web.config.Settings;
import picocli.CommandLine.Command;

/** Applies pending migrations and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations and exit.")
public final class MigrateCommand implements Callable<Integer> {

    public MigrateCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        Database db = Application.openAndMigrate(Settings.fromEnvironment());
        db.close();
        System.out.println("database is up to date");
        return 0;
    }
}
