/**
 * The tokendesk domain: entities, rules and use cases as plain services, and the ports they need
 * (stores, transactions, secret generator, hasher, cipher). No framework, no SQL, no HTTP.
 */
module org.tokendesk.domain {
    requires transitive org.tokendesk.notifier.spi;
    requires org.slf4j;

    exports org.tokendesk.domain.common;
    exports org.tokendesk.domain.account;
    exports org.tokendesk.domain.audit;
    exports org.tokendesk.domain.operator;
    exports org.tokendesk.domain.secret;
    exports org.tokendesk.domain.token;
    exports org.tokendesk.domain.tx;
    exports org.tokendesk.domain.integration;
    exports org.tokendesk.domain.notice;
    exports org.tokendesk.domain.usage;
}
