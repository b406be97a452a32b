package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;

class PostgresSightingPersistenceTest extends SightingPersistenceContractTest {

    @Override
    DatabaseSettings newSettings() {
        return TestDatabases.postgres();
    }
}
