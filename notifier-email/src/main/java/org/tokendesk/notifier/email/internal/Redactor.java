package org.tokendesk.notifier.email.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Removes the SMTP password from text that came from the server or from Jakarta Mail before it
 * becomes a reason in the delivery log. A server may echo what it received, and AUTH sends the
 * password base64-encoded (alone for LOGIN, with the user names for PLAIN), so those forms are
 * removed as well.
 */
final class Redactor {

    private static final int MAX_LENGTH = 300;

    private final List<String> secrets;

    Redactor(Optional<String> username, Optional<String> password) {
        List<String> forms = new ArrayList<>();
        password.ifPresent(p -> {
            String user = username.orElse("");
            // Longest first, so a longer form is not left half-replaced by a shorter one.
            forms.add(base64(user + "\0" + user + "\0" + p));
            forms.add(base64("\0" + user + "\0" + p));
            forms.add(base64(p));
            forms.add(p);
        });
        this.secrets = List.copyOf(forms);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One line, without the password in any of its known forms, and of bounded length. */
    String clean(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            result = result.replace(secret, "****");
            // An encoded form may arrive without its padding.
            String unpadded = secret.replaceAll("=+$", "");
            if (unpadded.length() >= 4) {
                result = result.replace(unpadded, "****");
            }
        }
        result = result.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH) + "…";
    }
}
