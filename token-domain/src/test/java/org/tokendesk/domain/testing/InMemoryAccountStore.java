package org.tokendesk.domain.testing;

import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.AccountStore;
import org.tokendesk.domain.account.Membership;
import org.tokendesk.domain.account.Role;

/**
 * Accounts and memberships. {@code legacyTokensEnabled} is derived from the existence of the
 * card, since no port method sets it.
 */
final class InMemoryAccountStore extends StoreBase implements AccountStore {

    InMemoryAccountStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insert(Account account) {
        if (write().accounts.putIfAbsent(account.sid(), account) != null) {
            throw new IllegalStateException("duplicate account " + account.sid());
        }
    }

    @Override
    public Optional<Account> find(AccountSid sid) {
        return Optional.ofNullable(read().accounts.get(sid)).map(this::withCardFlag);
    }

    @Override
    public List<Account> listForMember(String operatorId) {
        return read().accounts.values().stream()
                .filter(a -> read().members.containsKey(new InMemoryState.MemberKey(a.sid(), operatorId)))
                .map(this::withCardFlag)
                .toList();
    }

    @Override
    public Optional<Role> role(AccountSid sid, String operatorId) {
        return Optional.ofNullable(read().members.get(new InMemoryState.MemberKey(sid, operatorId))).map(Membership::role);
    }

    @Override
    public void putMember(Membership membership) {
        if (!read().accounts.containsKey(membership.accountSid())) {
            throw new IllegalStateException("no account " + membership.accountSid());
        }
        write().members.put(new InMemoryState.MemberKey(membership.accountSid(), membership.operatorId()), membership);
    }

    @Override
    public boolean removeMember(AccountSid sid, String operatorId) {
        return write().members.remove(new InMemoryState.MemberKey(sid, operatorId)) != null;
    }

    @Override
    public long countAdmins(AccountSid sid) {
        return read().members.values().stream()
                .filter(m -> m.accountSid().equals(sid) && m.role() == Role.ADMIN)
                .count();
    }

    private Account withCardFlag(Account account) {
        boolean enabled = account.legacyTokensEnabled() || read().cards.containsKey(account.sid());
        return new Account(account.sid(), account.name(), enabled, account.createdAt());
    }
}
