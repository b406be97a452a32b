package org.tokendesk.domain.notice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenScope;

/** Port: the owners' acknowledgements of resets. */
public interface AcknowledgementStore {

    /** Inserts the acknowledgements of one reset (not yet acknowledged). */
    void insertAll(List<Acknowledgement> acknowledgements);

    Optional<Acknowledgement> find(String id);

    /**
     * Sets {@code acknowledgedAt} only if it is still unset, in one conditional update, so that of
     * two concurrent calls (on any nodes) exactly one returns true.
     *
     * @return whether this call acknowledged it
     */
    boolean acknowledge(String id, Instant at);

    /** The acknowledgements of the reset of {@code scope} that happened at {@code resetAt}. */
    List<Acknowledgement> forReset(AccountSid sid, TokenScope scope, Instant resetAt);

    /** The acknowledgements with these ids in the account (for the delivery log); unknown ids are left out. */
    List<Acknowledgement> findAll(AccountSid sid, Collection<String> ids);
}
