package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class SqliteGracePersistenceTest extends GracePersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.sqlite();
    }
}
