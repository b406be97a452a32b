package org.tokendesk.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Database#LATEST_MIGRATION} names the newest migration of each dialect, and every script is
 * a versioned one: the restart shortcut of {@link Database#migrate} judges the schema by versions
 * alone, and would not see a repeatable ({@code R__}) script change.
 */
class LatestMigrationTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void the_latest_migration_is_the_newest_script_of_both_dialects() throws IOException, URISyntaxException {
        for (String folder : List.of("sqlite", "postgresql")) {
            URL url = Database.class.getClassLoader().getResource("db/migration/" + folder);
            assertTrue(url != null && "file".equals(url.getProtocol()), "the migrations of " + folder + " as files");
            List<String> names;
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                names = files.map(f -> f.getFileName().toString()).toList();
            }
            for (String name : names) {
                assertTrue(VERSIONED.matcher(name).matches(), folder + "/" + name + " is not a versioned migration");
            }
            int newest = names.stream().map(VERSIONED::matcher).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(-1);
            assertEquals(Database.LATEST_MIGRATION, newest, folder);
        }
    }
}
