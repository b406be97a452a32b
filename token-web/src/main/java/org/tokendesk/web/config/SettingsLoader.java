package org.tokendesk.web.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where settings come from: the environment and, when one is named, a config file that mirrors it.
 * A non-blank environment variable wins over the file. Every problem of both is reported at once.
 */
public final class SettingsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsLoader.class);

    private SettingsLoader() {
    }

    /** The config file: {@code --config} when given, else {@code TOKENDESK_CONFIG}, else none. */
    public static Optional<Path> configFile(Path option, Map<String, String> env) {
        if (option != null) {
            return Optional.of(option);
        }
        String named = env.get(ConfigFile.VARIABLE);
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(Path.of(named.strip()));
    }

    /**
     * Reads and validates the settings.
     *
     * @throws SettingsException listing every wrong setting of the file and of the environment
     */
    public static Settings load(Optional<Path> configFile, Map<String, String> env) {
        Loaded loaded = read(configFile, env);
        if (!loaded.problems.isEmpty()) {
            throw new SettingsException(loaded.problems);
        }
        loaded.warnings.forEach(w -> LOG.warn("{}", w));
        return loaded.settings;
    }

    /** What {@code config check} shows: every setting with its effective value (secrets masked) and source. */
    public static SettingsReport report(Optional<Path> configFile, Map<String, String> env) {
        Loaded loaded = read(configFile, env);
        List<SettingsReport.Entry> entries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(loaded.defaults.keySet());
        loaded.merged.keySet().stream().filter(n -> n.startsWith("TOKENDESK_NOTIFIER_")).sorted().forEach(names::add);
        for (String name : names) {
            String fromEnv = nonBlank(env.get(name));
            String fromFile = loaded.file.map(f -> nonBlank(f.values().get(name))).orElse(null);
            SettingsReport.Source source = fromEnv != null ? SettingsReport.Source.ENVIRONMENT
                    : fromFile != null ? SettingsReport.Source.FILE : SettingsReport.Source.DEFAULT;
            String value = fromEnv != null ? fromEnv : fromFile != null ? fromFile : loaded.defaults.get(name);
            entries.add(new SettingsReport.Entry(name, SettingsReport.display(name, value), source));
        }
        return new SettingsReport(configFile, entries, loaded.problems, loaded.warnings);
    }

    private static Loaded read(Optional<Path> configFile, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<ConfigFile> file = configFile.map(ConfigFile::read);
        Map<String, String> merged = new HashMap<>();
        file.ifPresent(f -> {
            problems.addAll(f.problems());
            merged.putAll(f.values());
        });
        env.forEach((name, value) -> {
            if (nonBlank(value) != null || !merged.containsKey(name)) {
                merged.put(name, value);
            }
        });
        SettingsReader reader = new SettingsReader(merged);
        Settings settings = reader.readQuietly();
        problems.addAll(reader.problems());
        Map<String, String> defaults = reader.defaults();
        file.ifPresent(f -> {
            f.checkNames(defaults.keySet(), problems);
            if (f.readableByOthers() && f.values().keySet().stream().anyMatch(SettingsReport::isSecret)) {
                warnings.add("the config file " + f.path().toAbsolutePath() + " holds secrets and every user of this "
                        + "machine may read it; make it readable by tokendesk only: chmod 600 " + f.path());
            }
        });
        env.keySet().stream().filter(n -> n.startsWith("TOKENDESK_")).sorted()
                .filter(n -> !defaults.containsKey(n) && !n.startsWith("TOKENDESK_NOTIFIER_")
                        && !n.equals(ConfigFile.VARIABLE) && !n.startsWith("TOKENDESK_TEST_"))
                .forEach(n -> {
                    String suggestion = ConfigFile.closest(n, defaults.keySet());
                    warnings.add(n + " is set in the environment but is not a tokendesk setting"
                            + (suggestion == null ? "" : "; did you mean " + suggestion + "?"));
                });
        return new Loaded(settings, merged, defaults, file, problems, warnings);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Loaded(Settings settings, Map<String, String> merged, Map<String, String> defaults,
            Optional<ConfigFile> file, List<String> problems, List<String> warnings) {
    }
}
