package org.tokendesk.domain.testing;

/** Gives a store its state and refuses writes inside read-only transactions. */
abstract class StoreBase {

    private final InMemoryState state;
    private final boolean writable;

    StoreBase(InMemoryState state, boolean writable) {
        this.state = state;
        this.writable = writable;
    }

    final InMemoryState read() {
        return state;
    }

    final InMemoryState write() {
        if (!writable) {
            throw new IllegalStateException("a write inside a read-only transaction");
        }
        return state;
    }
}
