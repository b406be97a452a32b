package org.tokendesk.domain.token;

import java.time.Duration;
import java.time.Instant;

/** The answer of a credential check. */
public sealed interface CheckResult {

    /** The credential is current and its scope permits the method. */
    record Valid(ActiveCredential credential) implements CheckResult {
    }

    /** Unknown SID, unknown token, or a token of another account. */
    record Invalid() implements CheckResult {
    }

    /** The token was valid once and has been reset. */
    record Reset(Instant resetAt) implements CheckResult {
    }

    /** A read-only token presented for a method that changes something. */
    record ForbiddenMethod(ActiveCredential credential) implements CheckResult {
    }

    /** Too many failed checks from this client or for this account. */
    record Limited(Duration retryAfter) implements CheckResult {
    }
}
