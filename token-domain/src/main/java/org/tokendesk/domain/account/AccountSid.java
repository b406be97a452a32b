package org.tokendesk.domain.account;

import java.util.HexFormat;
import java.util.Optional;
import org.tokendesk.domain.secret.SecretGenerator;

/** Public identifier of an account: {@code AC} followed by 32 lowercase hex digits. Not secret. */
public record AccountSid(String value) {

    public AccountSid {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("an Account SID is AC followed by 32 lowercase hex digits");
        }
    }

    /**
     * @param text any text
     * @return the SID when the text is one
     */
    public static Optional<AccountSid> parse(String text) {
        return isWellFormed(text) ? Optional.of(new AccountSid(text)) : Optional.empty();
    }

    public static AccountSid generate(SecretGenerator random) {
        return new AccountSid("AC" + HexFormat.of().formatHex(random.randomBytes(16)));
    }

    static boolean isWellFormed(String text) {
        if (text == null || text.length() != 34 || text.charAt(0) != 'A' || text.charAt(1) != 'C') {
            return false;
        }
        for (int i = 2; i < 34; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
