package org.tokendesk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.persistence.Database;
import org.tokendesk.persistence.testing.TestDatabases;

/** SQLite's one write turn: an operator's write never queues behind a backlog of background writes. */
class JdbiTransactionsTurnTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Database db = TestDatabases.openMigrated(TestDatabases.sqlite());
    private final JdbiTransactions tx = (JdbiTransactions) db.transactions();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        db.close();
    }

    @Test
    void a_write_goes_before_the_background_writes_queued_before_it() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> all = new ArrayList<>();
        all.add(pool.submit(() -> tx.writeInBackground(s -> {
            holding.countDown();
            awaitLatch(release);
            order.add("holder");
            return null;
        })));
        assertTrue(holding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        for (int i = 0; i < 5; i++) {
            all.add(pool.submit(() -> tx.writeInBackground(s -> order.add("background"))));
        }
        waitFor(() -> tx.queuedWriters() == 5);
        all.add(pool.submit(() -> tx.write(s -> order.add("reset"))));
        waitFor(() -> tx.queuedWriters() == 6);

        release.countDown();
        for (Future<?> f : all) {
            f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(List.of("holder", "reset", "background", "background", "background", "background", "background"),
                order);
    }

    @Test
    void background_writes_alone_take_their_turns_and_all_commit() throws Exception {
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(pool.submit(() -> tx.writeInBackground(s -> order.add("background"))));
        }
        for (Future<?> f : all) {
            f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(20, order.size());
    }

    @Test
    void a_background_write_inside_a_write_of_the_same_thread_runs_in_its_turn() throws Exception {
        Future<?> nested = pool.submit(() -> tx.write(s -> tx.writeInBackground(inner -> order.add("nested"))));
        nested.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of("nested"), order);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertTrue(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the writers did not queue");
            LockSupport.parkNanos(1_000_000);
        }
    }
}
