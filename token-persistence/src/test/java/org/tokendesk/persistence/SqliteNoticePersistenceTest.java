package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class SqliteNoticePersistenceTest extends NoticePersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.sqlite();
    }
}
