package org.tokendesk.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

/** Checks on many threads count into one tally while flushes take it: every use is written exactly once. */
class SightingRecorderConcurrencyTest {

    private static final TokenKey TOKEN = new TokenKey(AccountSid.parse("AC" + "0".repeat(32)).orElseThrow(),
            TokenScope.READ_WRITE);
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.9", "billing-sync/2.1", null);

    /** Transactions that only collect what a flush writes. */
    private static final class Collecting implements Transactions {
        final List<Sighting> written = new CopyOnWriteArrayList<>();
        private final Stores stores = proxy(Stores.class, (method, args) -> method.getName().equals("sightings")
                ? proxy(SightingStore.class, (m, a) -> {
                    if (!m.getName().equals("add")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    @SuppressWarnings("unchecked")
                    List<Sighting> batch = (List<Sighting>) a[0];
                    written.addAll(batch);
                    return null;
                })
                : null);

        private interface Call {
            Object answer(java.lang.reflect.Method method, Object[] args);
        }

        private static <T> T proxy(Class<T> type, Call call) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (self, method, args) -> call.answer(method, args)));
        }

        @Override
        public <T> T write(Function<Stores, T> work) {
            return work.apply(stores);
        }

        @Override
        public <T> T read(Function<Stores, T> work) {
            return work.apply(stores);
        }
    }

    @Test
    void uses_counted_on_four_threads_during_flushes_are_each_written_once() throws Exception {
        SightingRecorder recorder = new SightingRecorder(UseKind.VALID, 100);
        Collecting tx = new Collecting();
        int threads = 4;
        int usesEach = 50_000;
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < usesEach; i++) {
                        recorder.record(TOKEN, CLIENT, start.plusNanos(i));
                    }
                    return null;
                }));
            }
            go.countDown();
            int flushes = 0;
            while (running.stream().anyMatch(f -> !f.isDone())) {
                recorder.flush(tx);
                flushes++;
            }
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            recorder.flush(tx);
            assertTrue(flushes > 1, "flushes ran while the threads counted");
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) threads * usesEach, tx.written.stream().mapToLong(Sighting::count).sum());
        assertEquals(start, tx.written.stream().map(Sighting::firstSeenAt).min(Instant::compareTo).orElseThrow());
        assertEquals(start.plusNanos(usesEach - 1),
                tx.written.stream().map(Sighting::lastSeenAt).max(Instant::compareTo).orElseThrow());
        for (Sighting s : tx.written) {
            assertTrue(!s.firstSeenAt().isAfter(s.lastSeenAt()), s::toString);
        }
        assertEquals(0, recorder.pending());
    }
}
