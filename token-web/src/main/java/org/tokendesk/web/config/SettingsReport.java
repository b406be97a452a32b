package org.tokendesk.web.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The effective settings, as {@code config check} prints them: each value with where it came from;
 * secrets are masked, so the report may be pasted into a ticket.
 *
 * @param configFile the config file read, if any
 * @param entries every setting, in the order of the settings table
 * @param problems what stops tokendesk from starting (empty: the settings are valid)
 * @param warnings what is allowed but probably not meant
 */
public record SettingsReport(Optional<Path> configFile, List<Entry> entries, List<String> problems,
        List<String> warnings) {

    /** Shown instead of a secret's value. */
    public static final String MASK = "********";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public SettingsReport {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Whether the setting holds a secret: its name says PASSWORD, SECRET, KEY, CREDENTIAL or ends in TOKEN. */
    public static boolean isSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.contains("PASSWORD") || n.contains("SECRET") || n.contains("KEY") || n.contains("CREDENTIAL")
                || n.contains("PASSPHRASE") || n.endsWith("_TOKEN");
    }

    /** What the report shows for the value: masked for secrets and for passwords inside a URL. */
    static String display(String name, String value) {
        if (value == null) {
            return null;
        }
        if (isSecret(name)) {
            return MASK;
        }
        return PASSWORD_IN_URL.matcher(value).replaceAll("$1" + MASK);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * One setting.
     *
     * @param name the variable
     * @param value what is used (masked for secrets), or null when it is not set and has no default
     * @param source where the value comes from
     */
    public record Entry(String name, String value, Source source) {
    }

    /** Where a value comes from; the environment wins over the file, the file over the default. */
    public enum Source {
        ENVIRONMENT("environment"),
        FILE("config file"),
        DEFAULT("default");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
