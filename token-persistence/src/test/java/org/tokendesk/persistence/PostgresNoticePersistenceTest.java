package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class PostgresNoticePersistenceTest extends NoticePersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.postgres();
    }
}
