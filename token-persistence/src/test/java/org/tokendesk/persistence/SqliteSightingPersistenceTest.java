package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class SqliteSightingPersistenceTest extends SightingPersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.sqlite();
    }
}
