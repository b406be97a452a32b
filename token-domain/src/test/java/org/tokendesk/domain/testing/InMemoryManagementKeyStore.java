package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.operator.ManagementKey;
import org.tokendesk.domain.operator.ManagementKeyStore;
import org.tokendesk.domain.secret.TokenHash;

/** Management keys; revoked ones are deleted. */
final class InMemoryManagementKeyStore extends StoreBase implements ManagementKeyStore {

    InMemoryManagementKeyStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insert(ManagementKey key) {
        if (write().keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("duplicate key " + key.id());
        }
    }

    @Override
    public List<ManagementKey> listFor(String operatorId) {
        return read().keys.values().stream().filter(k -> k.operatorId().equals(operatorId)).toList();
    }

    @Override
    public boolean delete(String keyId, String operatorId) {
        ManagementKey key = read().keys.get(keyId);
        if (key == null || !key.operatorId().equals(operatorId)) {
            return false;
        }
        write().keys.remove(keyId);
        return true;
    }

    @Override
    public Optional<ManagementKey> findByHash(TokenHash keyHash) {
        return read().keys.values().stream().filter(k -> k.keyHash().equals(keyHash)).findFirst();
    }

    @Override
    public void touch(String keyId, Instant lastUsedAt) {
        ManagementKey k = read().keys.get(keyId);
        if (k != null) {
            write().keys.put(keyId, new ManagementKey(k.id(), k.operatorId(), k.name(), k.keyHash(), k.hint(),
                    k.createdAt(), lastUsedAt));
        }
    }
}
