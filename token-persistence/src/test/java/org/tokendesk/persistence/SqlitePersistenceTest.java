package org.tokendesk.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tokendesk.persistence.testing.TestDatabases;

class SqlitePersistenceTest extends PersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.sqlite();
    }

    @Test
    void a_writer_waiting_for_another_writer_of_the_process_starts_as_soon_as_it_commits() throws Exception {
        AtomicLong firstCommitted = new AtomicLong();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.transactions().write(s -> {
            s.outbox().backlog();
            sleep(300);
            return null;
        })).thenRun(() -> firstCommitted.set(System.nanoTime()));
        sleep(50);
        db.transactions().write(s -> s.outbox().backlog());
        long second = System.nanoTime();
        first.get(5, TimeUnit.SECONDS);
        // SQLite's busy handler would retry at 278 and 378 ms; queued in the process, it follows at once
        long lagMillis = TimeUnit.NANOSECONDS.toMillis(second - firstCommitted.get());
        assertTrue(lagMillis < 40, "the second writer started " + lagMillis + " ms after the first committed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
