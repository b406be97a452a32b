package org.tokendesk.web.cli;

import java.util.concurrent.Callable;
import org.tokendesk.web.app.Application;
import org.tokendesk.web.config.Settings;
import org.tokendesk.web.ops.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Apply pending migrations and serve the API, the checks and the pages.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public ServeCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        return serve(TokendeskCommand.root(spec));
    }

    int serve(TokendeskCommand root) {
        Settings settings = root.settings();
        LogSetup.apply(settings.logFormat(), root.environment());
        Application app = Application.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "tokendesk-shutdown"));
        return TokendeskCommand.KEEP_RUNNING;
    }
}
