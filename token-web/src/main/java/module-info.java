module org.tokendesk.web { }
