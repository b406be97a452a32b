package org.tokendesk.web.ui.model;

import java.util.List;
import org.tokendesk.web.ui.Messages;

/**
 * What every page's frame shows: language, CSRF token, the signed-in operator, the account picker
 * and the navigation.
 *
 * @param t the texts in the page's language
 * @param csrf the token every form and fetch call sends back
 * @param operatorEmail who is signed in, or null on the sign-in page
 * @param accounts the accounts the operator may pick
 * @param current the account the page is about, or null
 * @param section the navigation entry to mark as current
 * @param path this page's path, where the language switch and the account picker return to
 * @param title the page title (without the product name)
 */
public record Chrome(Messages t, String csrf, String operatorEmail, List<AccountOption> accounts, AccountOption current,
        String section, String path, String title) {

    public Chrome {
        accounts = List.copyOf(accounts);
    }

    public boolean signedIn() {
        return operatorEmail != null;
    }

    public String lang() {
        return t.lang();
    }

    /** @return {@code /accounts/<sid>/<tail>} of the current account */
    public String accountPath(String tail) {
        return "/accounts/" + current.sid() + "/" + tail;
    }

    public Chrome titled(String newTitle, String newSection) {
        return new Chrome(t, csrf, operatorEmail, accounts, current, newSection, path, newTitle);
    }
}
