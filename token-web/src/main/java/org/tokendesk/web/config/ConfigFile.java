package org.tokendesk.web.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A settings file ({@code --config FILE} or {@code TOKENDESK_CONFIG}): one {@code NAME=value} per
 * line, with exactly the names of the environment variables, so that every variable can be set in
 * it. {@code #} starts a comment line; a value may be quoted with {@code "} or {@code '}; an
 * {@code export } prefix is allowed, so the same file can be sourced by a shell. The environment
 * wins over the file. Problems name the line and never repeat a value (it may be a secret).
 */
public final class ConfigFile {

    /** The variable that names the file when {@code --config} is not given. */
    public static final String VARIABLE = "TOKENDESK_CONFIG";

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Path path;
    private final Map<String, String> values;
    private final Map<String, Integer> lines;
    private final List<String> problems;
    private final boolean readableByOthers;

    private ConfigFile(Path path, Map<String, String> values, Map<String, Integer> lines, List<String> problems,
            boolean readableByOthers) {
        this.path = path;
        this.values = Map.copyOf(values);
        this.lines = Map.copyOf(lines);
        this.problems = List.copyOf(problems);
        this.readableByOthers = readableByOthers;
    }

    /** Reads the file; what is wrong with it is in {@link #problems()}, nothing is thrown. */
    public static ConfigFile read(Path path) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> text;
        try {
            text = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add("the config file " + path.toAbsolutePath() + " does not exist; fix --config or "
                    + VARIABLE + ", or create it (see docs/configure.md)");
            return new ConfigFile(path, values, lines, problems, false);
        } catch (CharacterCodingException e) {
            problems.add("the config file " + path.toAbsolutePath() + " is not UTF-8 text; save it as UTF-8");
            return new ConfigFile(path, values, lines, problems, false);
        } catch (IOException e) {
            problems.add("the config file " + path.toAbsolutePath() + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check its permissions: the user that runs tokendesk must be able to read it");
            return new ConfigFile(path, values, lines, problems, false);
        }
        for (int i = 0; i < text.size(); i++) {
            parseLine(path, i + 1, text.get(i), values, lines, problems);
        }
        return new ConfigFile(path, values, lines, problems, readableByOthers(path));
    }

    private static void parseLine(Path path, int number, String raw, Map<String, String> values,
            Map<String, Integer> lines, List<String> problems) {
        String line = number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return;
        }
        if (t.startsWith("export ")) {
            t = t.substring(7).strip();
        }
        String where = path.getFileName() + " line " + number;
        int eq = t.indexOf('=');
        if (eq <= 0) {
            problems.add(where + " is not NAME=value; write settings as TOKENDESK_HTTP_PORT=8080");
            return;
        }
        String name = t.substring(0, eq).strip();
        if (!NAME.matcher(name).matches() || !name.startsWith("TOKENDESK_")) {
            problems.add(where + ": '" + printable(name) + "' is not a setting name; names are the environment "
                    + "variables, such as TOKENDESK_HTTP_PORT");
            return;
        }
        if (name.equals(VARIABLE)) {
            problems.add(where + ": " + VARIABLE + " cannot be set in a config file; it names the file itself");
            return;
        }
        String value = unquote(t.substring(eq + 1).strip());
        if (value == null) {
            problems.add(where + ": the value of " + name + " has an opening quote without a closing one");
            return;
        }
        Integer earlier = lines.put(name, number);
        if (earlier != null) {
            problems.add(where + ": " + name + " is set twice (also on line " + earlier + "); keep one");
        }
        values.put(name, value);
    }

    private static String unquote(String v) {
        if (v.isEmpty()) {
            return v;
        }
        char q = v.charAt(0);
        if (q != '"' && q != '\'') {
            return v;
        }
        if (v.length() < 2 || v.charAt(v.length() - 1) != q) {
            return null;
        }
        return v.substring(1, v.length() - 1);
    }

    private static String printable(String name) {
        String cut = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean readableByOthers(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Adds a problem for every name in the file that no part of tokendesk reads, with the closest
     * known name as a suggestion (a typo in a config file should not be ignored silently).
     */
    void checkNames(Collection<String> known, List<String> into) {
        for (Map.Entry<String, Integer> entry : lines.entrySet()) {
            String name = entry.getKey();
            if (known.contains(name) || name.startsWith("TOKENDESK_NOTIFIER_") || name.equals(LogFormat.VARIABLE)) {
                continue;
            }
            String suggestion = closest(name, known);
            into.add(path.getFileName() + " line " + entry.getValue() + ": " + name + " is not a tokendesk setting"
                    + (suggestion == null ? "; see the settings table in docs/configure.md"
                            : "; did you mean " + suggestion + "?"));
        }
    }

    static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public Path path() {
        return path;
    }

    /** The settings of the file, by name. */
    public Map<String, String> values() {
        return values;
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether every user of the machine may read the file (it may hold passwords and the master key). */
    public boolean readableByOthers() {
        return readableByOthers;
    }

    @Override
    public String toString() {
        return "ConfigFile[" + path + ", " + values.size() + " settings, values masked]";
    }
}
