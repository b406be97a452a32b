package org.tokendesk.domain.operator;

import java.util.Optional;

/** Port: operators. */
public interface OperatorStore {

    void insert(Operator operator);

    Optional<Operator> findByEmail(String normalizedEmail);

    Optional<Operator> findById(String id);

    long count();

    void updatePassword(String operatorId, String passwordHash);
}
