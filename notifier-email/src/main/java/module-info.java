/**
 * The SMTP notifier channel of tokendesk (provider id {@code email}), built on Jakarta Mail with
 * Eclipse Angus Mail.
 *
 * <p>Exports nothing: the host reaches it only through the {@code NotifierProvider} service. The
 * mail texts are resources of the internal package, read by the module itself.
 */
module org.tokendesk.notifier.email {
    requires org.tokendesk.notifier.spi;
    requires jakarta.mail;
    // Needed at compile time for the SMTP reply codes, and at run time so that Angus's
    // jakarta.mail.Provider for "smtp" and "smtps" is resolved from the module path.
    requires org.eclipse.angus.mail;

    provides org.tokendesk.notifier.spi.NotifierProvider
            with org.tokendesk.notifier.email.EmailNotifierProvider;
}
