package org.tokendesk.domain.account;

import java.util.List;
import java.util.Optional;

/** Port: accounts and memberships. */
public interface AccountStore {

    void insert(Account account);

    Optional<Account> find(AccountSid sid);

    /** Accounts the operator is a member of, oldest first. */
    List<Account> listForMember(String operatorId);

    Optional<Role> role(AccountSid sid, String operatorId);

    /** Inserts or changes the membership. */
    void putMember(Membership membership);

    /** @return whether a membership was removed */
    boolean removeMember(AccountSid sid, String operatorId);

    /** Admins of the account, to protect the last one. */
    long countAdmins(AccountSid sid);
}
