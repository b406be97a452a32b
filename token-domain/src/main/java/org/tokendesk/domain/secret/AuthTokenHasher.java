package org.tokendesk.domain.secret;

/** Turns a presented secret into the keyed hash the stores are indexed by. */
public interface AuthTokenHasher {

    /**
     * @param secret the secret as presented (an Auth Token, a management key, a session id)
     * @return its keyed hash
     */
    TokenHash hash(CharSequence secret);
}
