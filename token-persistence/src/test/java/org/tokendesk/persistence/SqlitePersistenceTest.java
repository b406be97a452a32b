package org.tokendesk.persistence;

class SqlitePersistenceTest extends PersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.sqlite();
    }
}
