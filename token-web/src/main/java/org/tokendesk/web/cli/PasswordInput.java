package org.tokendesk.web.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a password without it ever being a command-line argument (which every user of the machine
 * sees in the process list): from standard input, or typed twice at the terminal without echo.
 */
final class PasswordInput {

    private PasswordInput() {
    }

    static String read(TokendeskCommand root, boolean fromStdin, String what) {
        if (fromStdin) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(root.stdin(), StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null || line.isEmpty()) {
                    throw new CommandFailedException("--password-stdin: standard input is empty; pipe the " + what
                            + " in, for example from a password manager", TokendeskCommand.EXIT_USAGE);
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandFailedException("no terminal to ask for the " + what + "; pass it on standard input with "
                    + "--password-stdin", TokendeskCommand.EXIT_USAGE);
        }
        char[] first = console.readPassword("%s: ", capitalized(what));
        char[] second = console.readPassword("%s again: ", capitalized(what));
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new CommandFailedException("the two entries differ; nothing was changed");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static String capitalized(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
