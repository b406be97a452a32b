module org.tokendesk.domain { requires transitive org.tokendesk.notifier.spi; requires org.slf4j; }
