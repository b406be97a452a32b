package org.tokendesk.web.ui;

/** Why a page request stops before its handler is done; {@link UiFailures} turns each into a page or a redirect. */
abstract class UiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UiException(String message) {
        super(message, null, false, false);
    }

    /** Nobody is signed in: go to the sign-in page. */
    static final class SignInRequired extends UiException {
        private static final long serialVersionUID = 1L;

        SignInRequired() {
            super("sign in first");
        }
    }

    /** The form's CSRF token is missing or wrong. */
    static final class CsrfRejected extends UiException {
        private static final long serialVersionUID = 1L;

        CsrfRejected() {
            super("the form's CSRF token is missing or wrong");
        }
    }

    /** The operator's role does not allow the page (viewers and the admin-only pages). */
    static final class AdminOnly extends UiException {
        private static final long serialVersionUID = 1L;

        AdminOnly() {
            super("this page needs the admin role in the account");
        }
    }
}
