package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tokendesk.domain.common.StoreUnavailableException;

class PostgresPersistenceTest extends PersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.postgres();
    }

    @Test
    void an_unreachable_server_is_reported_as_unavailable() {
        try (Database gone = Database.open(new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "x", null, 2))) {
            assertThrows(StoreUnavailableException.class,
                    () -> gone.transactions().read(s -> s.operators().count()));
        }
    }
}
