package org.tokendesk.web;

import org.tokendesk.web.cli.TokendeskCommand;

/** {@code java -jar tokendesk.jar [serve | migrate | --help | --version]}; no command means serve. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = TokendeskCommand.run(args);
        if (exit != TokendeskCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
