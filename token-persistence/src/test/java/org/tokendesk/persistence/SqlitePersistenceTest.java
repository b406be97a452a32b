package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class SqlitePersistenceTest extends PersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.sqlite();
    }
}
