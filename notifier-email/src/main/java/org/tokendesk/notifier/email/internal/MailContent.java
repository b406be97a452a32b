package org.tokendesk.notifier.email.internal;

import java.util.Locale;

/**
 * One notice, worded for its recipient.
 *
 * @param locale the language actually used
 * @param subject the subject line
 * @param text the text/plain part
 * @param html the text/html part
 */
record MailContent(Locale locale, String subject, String text, String html) {
}
