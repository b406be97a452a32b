package org.tokendesk.web.app;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reads that refresh check cache entries ({@code CheckCache.getClaimingRefresh}) on one thread
 * of its own, so the check that claims a refresh never waits for the database. Its queue is
 * bounded: when it is full, work is refused and the entry simply expires, after which the next
 * check reads for itself. The thread ends after a minute without work.
 */
final class CheckRefresher implements Executor, AutoCloseable {

    static final int QUEUE = 4096;

    private final ThreadPoolExecutor pool;

    CheckRefresher() {
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "tokendesk-check-refresh");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable refresh) {
        pool.execute(refresh);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
