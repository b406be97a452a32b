package org.tokendesk.domain.operator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.secret.TokenHash;

/** Port: management keys. Revoked keys are deleted. */
public interface ManagementKeyStore {

    void insert(ManagementKey key);

    List<ManagementKey> listFor(String operatorId);

    /** @return whether the operator had such a key */
    boolean delete(String keyId, String operatorId);

    Optional<ManagementKey> findByHash(TokenHash keyHash);

    void touch(String keyId, Instant lastUsedAt);
}
