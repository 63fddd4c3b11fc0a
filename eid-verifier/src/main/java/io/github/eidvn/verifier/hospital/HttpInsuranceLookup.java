package io.github.eidvn.verifier.hospital;

import static io.github.eidvn.core.internal.Once.once;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.core.internal.LimitedBodySubscriber;
import io.github.eidvn.core.spi.StateStore;

/**
 * A {@link HealthInsuranceLookup} over HTTP, for the gateway a hospital uses to reach the social-insurance system.
 *
 * <p><b>The JSON contract</b> (eid's own, not a government API; a real gateway either speaks it through a small proxy
 * run by the hospital or its integrator, or gets its own {@link HealthInsuranceLookup} implementation):
 * <ul>
 *   <li>request: {@code GET {baseUri}cards?personal_number=079303012345} (12 digits) or
 *       {@code GET {baseUri}cards?social_insurance_number=7901208788} (10 digits), header
 *       {@code Accept: application/json}, and {@code Authorization: <value>} when a credentials supplier is set
 *       (e.g. {@code Bearer <token>}, asked for on every call so that a rotated token is picked up);</li>
 *   <li>{@code 200} with {@code {"cards":[card, ...]}}, each card as in {@link SandboxInsuranceLookup}'s file
 *       ({@code personal_number, number, name, birthdate, gender, valid_from, valid_to, benefit_level, facility});
 *       an empty array → {@link LookupResult.NotFound};</li>
 *   <li>{@code 404} → {@link LookupResult.NotFound};</li>
 *   <li>anything else (another status, a redirect, a body that is not that JSON, one invalid card, a body over
 *       {@code maxBodyBytes}, no complete answer within {@code timeout}) → {@link LookupResult.Unavailable}.</li>
 * </ul>
 *
 * <p>Answers ({@link LookupResult.Found} and {@link LookupResult.NotFound}, never {@link LookupResult.Unavailable})
 * are kept in a small in-memory cache for a short time (60 seconds, 256 numbers by default), so that one patient
 * scanned twice is looked up once. With {@link Builder#sharedCache(StateStore, byte[])} the cache lives in a state
 * store shared by every desk (Redis), so one patient scanned at two desks is looked up once; the store then holds,
 * for the TTL only, an entry named by a keyed hash of the number and encrypted with a key derived from a secret the
 * desks share (AES-256-GCM; see the method). Thread-safe; never throws from {@link #lookup}.
 *
 * <p><b>Security.</b> The base URI must be {@code https} except on this computer (loopback). Redirects are not
 * followed. The credentials never appear in {@link #toString()}, logs or results. A whole call, body included, is
 * bounded by the timeout.
 */
public final class HttpInsuranceLookup implements HealthInsuranceLookup {

    /** The default largest answer body, in bytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** The default time an answer stays in the cache. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);
    /** The default number of answers cached. */
    public static final int DEFAULT_CACHE_SIZE = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI cards;
    private final Supplier<String> credentials;
    private final Duration timeout;
    private final int maxBodyBytes;
    private final Duration cacheTtl;
    private final int cacheSize;
    private final Clock clock;
    private final HttpClient client;
    private final Map<InsuranceQuery, Cached> cache;
    private final StoreLookupCache shared;

    private record Cached(LookupResult result, Instant until) {
    }

    private HttpInsuranceLookup(Builder b) {
        if (b.baseUri == null) {
            throw new IllegalStateException("baseUri is required");
        }
        this.cards = b.baseUri.resolve("cards");
        this.credentials = b.credentials;
        this.timeout = b.timeout == null ? DEFAULT_TIMEOUT : b.timeout;
        this.maxBodyBytes = b.maxBodyBytes == 0 ? DEFAULT_MAX_BODY_BYTES : b.maxBodyBytes;
        this.cacheTtl = b.cacheTtl == null ? DEFAULT_CACHE_TTL : b.cacheTtl;
        this.cacheSize = b.cacheSize == 0 ? DEFAULT_CACHE_SIZE : b.cacheSize;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        if (b.sharedStore != null && this.cacheTtl.isZero()) {
            throw new IllegalStateException("a shared cache needs a cache TTL above zero");
        }
        this.shared = b.sharedStore == null ? null : new StoreLookupCache(b.sharedStore, b.sharedSecret);
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        int size = cacheSize;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<InsuranceQuery, Cached> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public LookupResult lookup(InsuranceQuery query) {
        Objects.requireNonNull(query, "query");
        if (shared != null) {
            Optional<LookupResult> hit = shared.get(query, clock);
            if (hit.isPresent()) {
                return hit.get();
            }
            Instant asked = clock.instant();
            LookupResult result = call(query);
            if (!(result instanceof LookupResult.Unavailable)) {
                shared.put(query, result, asked, cacheTtl);
            }
            return result;
        }
        Instant now = clock.instant();
        synchronized (cache) {
            Cached c = cache.get(query);
            if (c != null) {
                if (now.isBefore(c.until)) {
                    return c.result;
                }
                cache.remove(query);
            }
        }
        LookupResult result = call(query);
        if (!(result instanceof LookupResult.Unavailable) && !cacheTtl.isZero()) {
            synchronized (cache) {
                cache.put(query, new Cached(result, now.plus(cacheTtl)));
            }
        }
        return result;
    }

    private LookupResult call(InsuranceQuery query) {
        String parameter = query.kind() == InsuranceQuery.Kind.PERSONAL_NUMBER ? "personal_number"
                : "social_insurance_number";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cards + "?" + parameter + "="
                + query.number())).timeout(timeout).header("Accept", "application/json").GET();
        if (credentials != null) {
            String authorization;
            try {
                authorization = credentials.get();
            } catch (RuntimeException e) {
                return new LookupResult.Unavailable("credentials supplier failed: " + e.getClass().getSimpleName());
            }
            if (authorization == null || authorization.isEmpty()) {
                return new LookupResult.Unavailable("no credentials");
            }
            try {
                request.header("Authorization", authorization);
            } catch (IllegalArgumentException e) {
                return new LookupResult.Unavailable("credentials are not a valid header value");
            }
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(),
                info -> new LimitedBodySubscriber(maxBodyBytes));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new LookupResult.Unavailable("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new LookupResult.Unavailable("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // the client's own request timeout (the same budget) can fire before the wait above ends
                return new LookupResult.Unavailable("no answer within " + timeout.toMillis() + " ms");
            }
            return new LookupResult.Unavailable(cause instanceof LimitedBodySubscriber.TooLarge ? "answer over " + maxBodyBytes
                    + " bytes" : "request failed: " + cause.getClass().getSimpleName());
        }
        int status = response.statusCode();
        if (status == 404) {
            return new LookupResult.NotFound();
        }
        if (status != 200) {
            return new LookupResult.Unavailable("gateway answered HTTP " + status);
        }
        try {
            JsonNode root = JSON.readTree(response.body());
            if (root == null || !root.isObject()) {
                return new LookupResult.Unavailable("answer is not a JSON object");
            }
            List<InsuranceCard> found = CardJson.cards(root.get("cards"));
            return found.isEmpty() ? new LookupResult.NotFound() : new LookupResult.Found(found);
        } catch (IOException | IllegalArgumentException e) {
            return new LookupResult.Unavailable("malformed answer: " + (e instanceof IllegalArgumentException
                    ? e.getMessage() : "not JSON"));
        } catch (RuntimeException e) {
            return new LookupResult.Unavailable("malformed answer: " + e.getClass().getSimpleName());
        }
    }

    /** @return the endpoint, timeout and cache settings; never the credentials */
    @Override
    public String toString() {
        return "HttpInsuranceLookup[" + cards + ", timeout " + timeout.toMillis() + " ms, cache "
                + (shared != null ? "shared" : String.valueOf(cacheSize)) + " for " + cacheTtl.toSeconds() + " s"
                + (credentials != null ? ", with credentials" : "") + "]";
    }

    /** Builds an {@link HttpInsuranceLookup}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private URI baseUri;
        private Supplier<String> credentials;
        private Duration timeout;
        private int maxBodyBytes;
        private Duration cacheTtl;
        private int cacheSize;
        private Clock clock;
        private StateStore sharedStore;
        private byte[] sharedSecret;

        private Builder() {
        }

        /**
         * Required: the gateway's base URI; {@code cards} is resolved against it (so
         * {@code https://gw.example/bhyt/} asks {@code https://gw.example/bhyt/cards?...}).
         *
         * @param baseUri an absolute {@code https} URI ({@code http} only to loopback), without query
         * @return this builder
         * @throws IllegalArgumentException when it is not such a URI
         */
        public Builder baseUri(URI baseUri) {
            once(this.baseUri != null, "baseUri");
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme();
            String host = baseUri.getHost() == null ? "" : baseUri.getHost();
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
                throw new IllegalArgumentException("the lookup URI must be https (http only to this computer)");
            }
            if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null || host.isEmpty()) {
                throw new IllegalArgumentException("the lookup URI needs a host and no query or fragment");
            }
            String path = baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty() ? "/" : baseUri.getRawPath();
            this.baseUri = baseUri.resolve(path.endsWith("/") ? path : path + "/");
            return this;
        }

        /**
         * The value of the {@code Authorization} header, asked for on every call (a supplier that fails or gives
         * nothing makes the lookup {@link LookupResult.Unavailable}). None by default.
         *
         * @param authorization the supplier, e.g. {@code () -> "Bearer " + tokens.current()}
         * @return this builder
         */
        public Builder credentials(Supplier<String> authorization) {
            once(this.credentials != null, "credentials");
            this.credentials = Objects.requireNonNull(authorization, "authorization");
            return this;
        }

        /**
         * The time budget of a whole call, connection and body included; {@link #DEFAULT_TIMEOUT} by default.
         *
         * @param timeout positive, at most one minute
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            once(this.timeout != null, "timeout");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("timeout must be positive and at most one minute");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The largest answer body; {@value #DEFAULT_MAX_BODY_BYTES} bytes by default.
         *
         * @param bytes 1 KiB to 16 MiB
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            once(this.maxBodyBytes != 0, "maxBodyBytes");
            if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be 1 KiB to 16 MiB");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * How long answers are cached, and how many; {@link #DEFAULT_CACHE_TTL} and {@value #DEFAULT_CACHE_SIZE}
         * by default. A zero TTL turns the cache off.
         *
         * @param ttl zero to ten minutes
         * @param size 1 to 100,000 numbers
         * @return this builder
         */
        public Builder cache(Duration ttl, int size) {
            once(this.cacheTtl != null, "cache");
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("cache TTL must be zero to ten minutes");
            }
            if (size < 1 || size > 100_000) {
                throw new IllegalArgumentException("cache size must be 1 to 100000");
            }
            this.cacheTtl = ttl;
            this.cacheSize = size;
            return this;
        }

        /**
         * Keeps the answer cache in a state store shared by every desk (e.g. {@code RedisStateStore}) instead of
         * this process's memory: a patient scanned at one desk is not looked up again at another within the TTL.
         * The TTL is {@link #cache(Duration, int)}'s (its size does not apply: the store forgets entries by TTL);
         * {@link LookupResult.Unavailable} is never cached.
         *
         * <p>Personal data in the store is kept to a minimum: an entry lives for the TTL only (60 s by default); its
         * key is {@code bhyt-lookup:} and an HMAC-SHA256 of the number (no digit of it); its value is the answer
         * encrypted with AES-256-GCM, bound to its key. Both keys are derived from {@code secret}, which every desk
         * sharing the cache must be given (e.g. from a secret manager or an environment variable) and which must not
         * be kept in the store. An entry that does not decrypt (another secret, tampering) or a store that cannot be
         * reached is a cache miss: the gateway is asked, and a failed write is ignored.
         *
         * @param store the shared store
         * @param secret at least 32 random bytes, the same at every desk (copied)
         * @return this builder
         * @throws NullPointerException when an argument is null
         * @throws IllegalArgumentException when the secret is shorter than 32 bytes
         */
        public Builder sharedCache(StateStore store, byte[] secret) {
            once(this.sharedStore != null, "sharedCache");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(secret, "secret");
            if (secret.length < StoreLookupCache.MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the shared cache secret must have at least "
                        + StoreLookupCache.MIN_SECRET_BYTES + " bytes");
            }
            this.sharedStore = store;
            this.sharedSecret = secret.clone();
            return this;
        }

        /**
         * The clock of the cache; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock != null, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the lookup
         * @throws IllegalStateException when the base URI is missing, or a shared cache is set with a zero TTL
         */
        public HttpInsuranceLookup build() {
            return new HttpInsuranceLookup(this);
        }
    }
}
