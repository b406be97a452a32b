package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class PostgresScheduledResetPersistenceTest extends ScheduledResetPersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.postgres();
    }
}
