module org.tokendesk.persistence { }
