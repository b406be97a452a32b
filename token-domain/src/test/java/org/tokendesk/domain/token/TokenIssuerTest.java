package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.testing.Fixture;

class TokenIssuerTest {

    private final Fixture world = new Fixture();
    private final AccountSid sid = AccountSid.generate(world.random());

    @Test
    void an_issued_token_is_hashed_with_the_hasher_and_hinted() {
        TokenIssuer.Issued issued = world.issuer(true).issue(sid, TokenScope.READ_WRITE);
        String token = issued.token().reveal();
        assertTrue(AuthTokenFormat.isWellFormed(token));
        assertEquals(world.hasher().hash(token), issued.hash());
        assertEquals("…" + token.substring(token.length() - 4), issued.hint());
        assertFalse(issued.toString().contains(token));
    }

    @Test
    void with_redisplay_the_ciphertext_reveals_the_token() {
        TokenIssuer issuer = world.issuer(true);
        TokenIssuer.Issued issued = issuer.issue(sid, TokenScope.READ_ONLY);
        assertNotNull(issued.ciphertext());
        assertEquals(issued.token().reveal(), issuer.reveal(stored(sid, TokenScope.READ_ONLY, issued)));
    }

    @Test
    void without_redisplay_nothing_is_encrypted() {
        assertNull(world.issuer(false).issue(sid, TokenScope.READ_WRITE).ciphertext());
        assertFalse(world.issuer(false).redisplay());
    }

    @Test
    void a_ciphertext_moved_to_another_scope_or_account_does_not_decrypt() {
        TokenIssuer issuer = world.issuer(true);
        TokenIssuer.Issued issued = issuer.issue(sid, TokenScope.READ_WRITE);
        assertThrows(IllegalStateException.class, () -> issuer.reveal(stored(sid, TokenScope.READ_ONLY, issued)));
        AccountSid other = AccountSid.generate(world.random());
        assertThrows(IllegalStateException.class, () -> issuer.reveal(stored(other, TokenScope.READ_WRITE, issued)));
    }

    @Test
    void seal_keeps_an_imported_value() {
        TokenIssuer.Issued issued = world.issuer(false).seal(sid, TokenScope.READ_WRITE, "0123456789abcdef0123456789ab0042");
        assertEquals("0123456789abcdef0123456789ab0042", issued.token().reveal());
        assertEquals("…0042", issued.hint());
    }

    @Test
    void associated_data_names_account_and_scope() {
        assertEquals("auth-token:" + sid.value() + ":read_only", TokenIssuer.associatedData(sid, TokenScope.READ_ONLY));
    }

    private static StoredToken stored(AccountSid sid, TokenScope scope, TokenIssuer.Issued issued) {
        return new StoredToken(sid, scope, issued.hash(), issued.ciphertext(), issued.hint(), Instant.EPOCH, null, null);
    }
}
