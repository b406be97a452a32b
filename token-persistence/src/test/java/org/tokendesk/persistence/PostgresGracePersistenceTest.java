package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class PostgresGracePersistenceTest extends GracePersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.postgres();
    }
}
