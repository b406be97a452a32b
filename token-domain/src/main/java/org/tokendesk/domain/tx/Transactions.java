package org.tokendesk.domain.tx;

import java.util.function.Function;

/**
 * Port: runs work in one database transaction. Everything the work does through the given
 * {@link Stores} commits together or not at all.
 */
public interface Transactions {

    /**
     * A read-write transaction. Writers are serialized where they touch the same rows (row locks
     * on PostgreSQL, the database lock on SQLite).
     *
     * @throws org.tokendesk.domain.common.StoreUnavailableException when the database is unreachable
     */
    <T> T write(Function<Stores, T> work);

    /**
     * A read-write transaction of background work (delivering notices, flushing counters, purging):
     * where writers take turns (SQLite), a waiting {@link #write} goes first, so an operator's reset
     * never queues behind a backlog of delivery updates. Otherwise the same as {@link #write}.
     */
    default <T> T writeInBackground(Function<Stores, T> work) {
        return write(work);
    }

    /** A read-only unit of work. */
    <T> T read(Function<Stores, T> work);
}
