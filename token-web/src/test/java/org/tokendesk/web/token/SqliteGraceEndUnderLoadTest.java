package org.tokendesk.web.token;

import org.tokendesk.web.testing.TestNode;

class SqliteGraceEndUnderLoadTest extends GraceEndUnderLoadContract {

    @Override
    TestNode newNode() {
        return TestNode.sqlite();
    }
}
