package org.tokendesk.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.HmacAuthTokenHasher;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.token.ActiveCredential;
import org.tokendesk.domain.token.AuthTokenFormat;
import org.tokendesk.domain.token.CheckCache;
import org.tokendesk.domain.token.CheckFailureLimiter;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.token.UsageRecorder;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.web.check.BasicCredentials;

/**
 * The pieces of a credential check: Basic header parsing, the keyed hash, the cache lookup, and
 * the whole domain check answered from the cache (the database is a stub that must not be asked
 * on a hit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckPathBenchmark {

    private String header;
    private String sid;
    private String token;
    private HmacAuthTokenHasher hasher;
    private CheckCache cache;
    private TokenHash hash;
    private CredentialCheck check;

    @Setup
    public void setUp() {
        var random = new SecureRandomGenerator();
        sid = AccountSid.generate(random).value();
        token = AuthTokenFormat.generate(TokenScope.READ_WRITE, random);
        header = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
        hasher = new HmacAuthTokenHasher(random.randomBytes(32));
        hash = hasher.hash(token);
        cache = new CheckCache(Duration.ofHours(1), System::nanoTime);
        var credential = new ActiveCredential(new AccountSid(sid), TokenScope.READ_WRITE, "v13");
        cache.put(hash, credential, cache.readStarted());
        Transactions database = new Transactions() {
            @Override
            public <T> T write(Function<Stores, T> work) {
                throw new IllegalStateException("a cached check must not write");
            }

            @Override
            public <T> T read(Function<Stores, T> work) {
                throw new IllegalStateException("a cached check must not read");
            }
        };
        check = new CredentialCheck(database, hasher, new CheckFailureLimiter(60), new UsageRecorder(),
                Clock.systemUTC(), cache);
    }

    @Benchmark
    public Optional<BasicCredentials> parseBasicHeader() {
        return BasicCredentials.parse(header);
    }

    @Benchmark
    public TokenHash hmacOfToken() {
        return hasher.hash(token);
    }

    @Benchmark
    public Optional<ActiveCredential> cacheLookup() {
        return cache.get(hash);
    }

    @Benchmark
    public CheckResult wholeCheckFromCache() {
        return check.check(sid, token, "GET", "127.0.0.1");
    }
}
