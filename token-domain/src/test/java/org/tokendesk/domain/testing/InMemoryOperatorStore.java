package org.tokendesk.domain.testing;

import java.util.Optional;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.operator.OperatorStore;

/** Operators, unique by id and by email. */
final class InMemoryOperatorStore extends StoreBase implements OperatorStore {

    InMemoryOperatorStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insert(Operator operator) {
        if (read().operators.containsKey(operator.id()) || findByEmail(operator.email()).isPresent()) {
            throw new IllegalStateException("duplicate operator " + operator.email());
        }
        write().operators.put(operator.id(), operator);
    }

    @Override
    public Optional<Operator> findByEmail(String normalizedEmail) {
        return read().operators.values().stream().filter(o -> o.email().equals(normalizedEmail)).findFirst();
    }

    @Override
    public Optional<Operator> findById(String id) {
        return Optional.ofNullable(read().operators.get(id));
    }

    @Override
    public long count() {
        return read().operators.size();
    }

    @Override
    public void updatePassword(String operatorId, String passwordHash) {
        Operator o = read().operators.get(operatorId);
        if (o != null) {
            write().operators.put(operatorId, new Operator(o.id(), o.email(), o.name(), passwordHash, o.platformAdmin(),
                    o.locale(), o.createdAt()));
        }
    }
}
