package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class SqliteScheduledResetPersistenceTest extends ScheduledResetPersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.sqlite();
    }
}
