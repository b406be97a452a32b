package org.tokendesk.web.cli;

import java.util.concurrent.Callable;
import org.tokendesk.web.app.Application;
import org.tokendesk.web.config.Settings;
import picocli.CommandLine.Command;

/** Runs the server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Apply pending migrations and serve the API, the checks and the pages.")
public final class ServeCommand implements Callable<Integer> {

    public ServeCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        Application app = Application.start(Settings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "tokendesk-shutdown"));
        return TokendeskCommand.KEEP_RUNNING;
    }
}
