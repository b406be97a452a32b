package org.tokendesk.web.token;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tokendesk.web.testing.TestNode;

/** On PostgreSQL with two nodes: the grace ends on one, the checks go to the other. */
class PostgresGraceEndUnderLoadTest extends GraceEndUnderLoadContract {

    private TestNode sibling;

    @Override
    TestNode newNode() {
        return TestNode.postgres();
    }

    /** Runs after the superclass started the first node. */
    @BeforeEach
    void startSibling() {
        sibling = node.sibling();
    }

    @Override
    TestNode checkNode() {
        return sibling;
    }

    @AfterEach
    void stopSibling() {
        if (sibling != null) {
            sibling.close();
        }
    }
}
