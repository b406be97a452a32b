package org.tokendesk.web.config;

import java.util.List;

/** Every wrong setting at once, each with how to fix it. Never contains a secret's value. */
public class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public SettingsException(List<String> problems) {
        super("tokendesk cannot start with these settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
