package io.github.eidvn.core.keys;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.internal.PublicJwk;

/**
 * The public keys a verifier trusts, loaded from a JWKS, each with its algorithm pinned.
 *
 * <p>Rules applied when loading (any violation rejects the whole JWKS, fail closed):
 * <ul>
 *   <li>public keys only: a key with a private or symmetric member ({@code d}, {@code p}, {@code q}, {@code dp},
 *       {@code dq}, {@code qi}, {@code oth}, {@code k}) is refused;</li>
 *   <li>EC keys must be on P-256 and are pinned to ES256 (a different {@code alg} is refused);</li>
 *   <li>RSA keys must have at least 2048 bits and are pinned to their {@code alg} (RS256/384/512, PS256/384/512)
 *       or RS256 when absent;</li>
 *   <li>other key types (oct, OKP) are refused; {@code use}, when present, must be {@code sig}; {@code key_ops},
 *       when present, must include {@code verify};</li>
 *   <li>at most {@value #MAX_KEYS} keys and {@value #MAX_JWKS_CHARS} characters; duplicate JSON members refused.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Key selection ({@link #candidates(String)}) uses indexes by {@code kid} and by
 * thumbprint prefix, so its cost does not grow with the number of keys.
 *
 * <p>Two shapes:
 * <ul>
 *   <li><b>one issuer, whatever its name</b>: {@link #fromJwks(String)}, {@link #fromJwksFile(Path)},
 *       {@link #of(KeyRing)}: the keys of a bare JWKS, which verify tokens of any {@code iss} (the JWKS is taken to
 *       be one issuer's);</li>
 *   <li><b>keys per issuer</b>: {@link #builder()}: each key is bound to the issuer it was loaded for, from a file,
 *       a string or the issuer's HTTPS URL ({@link Builder#issuerJwksUrl(String, URI)}, cached and refreshed by
 *       Nimbus's {@code JWKSourceBuilder}), and verifies only tokens whose {@code iss} is that issuer
 *       ({@link TrustedKey#acceptsIssuer(String)}).</li>
 * </ul>
 *
 * <p><b>Security:</b> keys are selected by the token's {@code kid} only ({@link #candidates(String)}); header
 * {@code alg}, {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} never select or supply a key. Two keys may share
 * a {@code kid}: a verifier tries each. With keys of several issuers trusted, build the store per issuer: a bare
 * JWKS that merges two issuers' keys lets either issuer's key vouch for the other's {@code iss}.
 */
public final class TrustStore {

    /** The most keys one trust store holds. */
    public static final int MAX_KEYS = 10_000;
    /** The longest JWKS text accepted (4 MiB: about 10,000 EC keys with kid, use and alg). */
    public static final int MAX_JWKS_CHARS = 1 << 22;
    /** The shortest key-id prefix matched against thumbprints (the compact QR header's short {@code kid}). */
    public static final int MIN_KID_PREFIX = 8;

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private final List<TrustedKey> keys;
    /** Keys by {@code kid}, in JWKS order. */
    private final Map<String, List<TrustedKey>> byKid = new HashMap<>();
    /** Keys by the first {@value #MIN_KID_PREFIX} characters of their thumbprint, in JWKS order. */
    private final Map<String, List<TrustedKey>> byThumbprintPrefix = new HashMap<>();
    /** The issuers whose keys this store holds; empty for a bare JWKS (one issuer, whatever its name). */
    private final Set<String> issuers;
    /** Issuers whose keys come from their URL. */
    private final List<RemoteJwks> remotes;

    private TrustStore(List<TrustedKey> keys) {
        this(keys, Set.of(), List.of());
    }

    private TrustStore(List<TrustedKey> keys, Set<String> issuers, List<RemoteJwks> remotes) {
        this.issuers = Collections.unmodifiableSet(new LinkedHashSet<>(issuers));
        this.remotes = List.copyOf(remotes);
        this.keys = List.copyOf(keys);
        for (TrustedKey k : this.keys) {
            byKid.computeIfAbsent(k.kid(), x -> new ArrayList<>(1)).add(k);
            byThumbprintPrefix.computeIfAbsent(k.thumbprint().substring(0, MIN_KID_PREFIX), x -> new ArrayList<>(1))
                    .add(k);
        }
    }

    /**
     * Loads a trust store from JWKS JSON ({@code {"keys":[...]}}).
     *
     * @param jwksJson the JWKS text
     * @return the trust store
     * @throws IllegalArgumentException when the JWKS breaks a rule of the class comment
     */
    public static TrustStore fromJwks(String jwksJson) {
        Objects.requireNonNull(jwksJson, "jwksJson");
        if (jwksJson.length() > MAX_JWKS_CHARS) {
            throw new IllegalArgumentException("JWKS longer than " + MAX_JWKS_CHARS + " characters");
        }
        Map<String, Object> root = StrictJson.parseObject(jwksJson);
        Object keysMember = root.get("keys");
        if (!(keysMember instanceof List)) {
            throw new IllegalArgumentException("a JWKS needs a \"keys\" array");
        }
        List<?> rawKeys = (List<?>) keysMember;
        if (rawKeys.isEmpty()) {
            throw new IllegalArgumentException("the JWKS has no keys");
        }
        if (rawKeys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("the JWKS has more than " + MAX_KEYS + " keys");
        }
        List<TrustedKey> loaded = new ArrayList<>();
        for (int i = 0; i < rawKeys.size(); i++) {
            loaded.add(load(i, rawKeys.get(i)));
        }
        return new TrustStore(loaded);
    }

    /**
     * Loads a trust store from a UTF-8 JWKS file.
     *
     * @param jwksFile the file
     * @return the trust store
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the JWKS breaks a rule of the class comment
     */
    public static TrustStore fromJwksFile(Path jwksFile) throws IOException {
        Objects.requireNonNull(jwksFile, "jwksFile");
        if (Files.size(jwksFile) > MAX_JWKS_CHARS * 4L) {
            throw new IllegalArgumentException("JWKS file too large");
        }
        return fromJwks(Files.readString(jwksFile, StandardCharsets.UTF_8));
    }

    /**
     * The public keys of a key ring (current and previous).
     *
     * @param ring the ring
     * @return the trust store
     */
    public static TrustStore of(KeyRing ring) {
        Objects.requireNonNull(ring, "ring");
        return fromJwks(ring.publicJwksJson());
    }

    private static TrustedKey load(int index, Object raw) {
        String where = "key #" + index;
        if (!(raw instanceof Map)) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        JWK jwk = PublicJwk.parse((Map<?, ?>) raw, where, "a trust store takes public keys only", KeyUse.SIGNATURE);
        if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
            throw new IllegalArgumentException(where + " has key_ops without verify");
        }
        String thumbprint = SigningKey.thumbprintOf(jwk);
        String kid = jwk.getKeyID() != null ? jwk.getKeyID() : thumbprint;
        if (kid.isEmpty()) {
            throw new IllegalArgumentException(where + " has an empty kid");
        }
        PublicKey publicKey;
        String algorithm;
        try {
            if (jwk instanceof ECKey) {
                ECKey ec = (ECKey) jwk;
                if (!Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalArgumentException(where + " is on curve " + ec.getCurve() + "; only P-256");
                }
                if (ec.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(ec.getAlgorithm())) {
                    throw new IllegalArgumentException(where + " (EC P-256) has alg " + ec.getAlgorithm()
                            + "; only ES256");
                }
                algorithm = JWSAlgorithm.ES256.getName();
                publicKey = ec.toECPublicKey();
            } else if (jwk instanceof RSAKey) {
                RSAKey rsa = (RSAKey) jwk;
                if (rsa.size() < 2048) {
                    throw new IllegalArgumentException(where + " is a " + rsa.size() + "-bit RSA key; at least 2048");
                }
                JWSAlgorithm alg = rsa.getAlgorithm() == null ? JWSAlgorithm.RS256
                        : JWSAlgorithm.parse(rsa.getAlgorithm().getName());
                if (!RSA_ALGORITHMS.contains(alg)) {
                    throw new IllegalArgumentException(where + " (RSA) has alg " + alg + "; not an RSA signature alg");
                }
                algorithm = alg.getName();
                publicKey = rsa.toRSAPublicKey();
            } else {
                throw new IllegalArgumentException(where + " has key type " + jwk.getKeyType()
                        + "; only EC P-256 and RSA");
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException(where + " is not a usable public key: " + e.getMessage());
        }
        return new TrustedKey(kid, thumbprint, algorithm, publicKey, jwk);
    }

    /**
     * All keys, in JWKS order: the keys given as JWKS text, files or key rings, then the last set read from each
     * issuer URL (nothing is fetched here).
     *
     * @return an unmodifiable list
     */
    public List<TrustedKey> keys() {
        if (remotes.isEmpty()) {
            return keys;
        }
        List<TrustedKey> all = new ArrayList<>(keys);
        for (RemoteJwks r : remotes) {
            all.addAll(r.lastKeys());
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * The issuers this store holds keys for.
     *
     * @return the issuer ids, in the order given to the builder; empty for a bare JWKS ({@link #fromJwks(String)}),
     *     whose keys stand for one issuer whatever its name
     */
    public Set<String> issuers() {
        return issuers;
    }

    /**
     * A store from command-line style JWKS options, as {@code eid verify --jwks} and the reception desk take them:
     * <ul>
     *   <li>{@code ISS=FILE} or {@code ISS=URL}, one per issuer: the keys of that issuer only (split at the first
     *       {@code =}, so the issuer id may be a URL but contain no {@code =}; a URL is read and refreshed as by
     *       {@link Builder#issuerJwksUrl(String, URI)});</li>
     *   <li>a single bare {@code FILE} or {@code URL} without {@code =}: today's meaning, one issuer whatever its
     *       name.</li>
     * </ul>
     * A bare JWKS cannot be mixed with {@code ISS=} options: its keys would vouch for every issuer.
     *
     * @param options one or more options
     * @return the store
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when an option is malformed, the options mix the two forms, an issuer is
     *     given twice, a URL is not https (or loopback http), or a JWKS breaks a rule of the class comment
     */
    public static TrustStore fromJwksOptions(List<String> options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no JWKS given");
        }
        Builder b = builder();
        List<String> bare = new ArrayList<>();
        for (String o : options) {
            Objects.requireNonNull(o, "option");
            int eq = o.indexOf('=');
            if (eq < 0) {
                bare.add(o);
                continue;
            }
            String iss = o.substring(0, eq);
            String where = o.substring(eq + 1);
            if (iss.isEmpty() || where.isEmpty()) {
                throw new IllegalArgumentException("expected ISS=FILE or ISS=URL: " + o);
            }
            try {
                if (where.startsWith("https://") || where.startsWith("http://")) {
                    b.issuerJwksUrl(iss, URI.create(where));
                } else {
                    b.issuer(iss, fromJwksFile(Path.of(where)));
                }
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        if (bare.isEmpty()) {
            return b.build();
        }
        if (bare.size() > 1 || bare.size() != options.size()) {
            throw new IllegalArgumentException("a bare JWKS (one issuer, whatever its name) cannot be combined with "
                    + "other JWKS options: give each issuer as ISS=FILE or ISS=URL");
        }
        String where = bare.get(0);
        if (where.startsWith("https://") || where.startsWith("http://")) {
            return new TrustStore(List.of(), Set.of(), List.of(new RemoteJwks(null, RemoteJwks.checkUrl(URI.create(
                    where)), Builder.DEFAULT_JWKS_REFRESH_INTERVAL, Builder.DEFAULT_JWKS_MIN_REFRESH_INTERVAL,
                    Builder.DEFAULT_JWKS_OUTAGE_TOLERANCE)));
        }
        return fromJwksFile(Path.of(where));
    }

    /**
     * A builder of a store that holds keys per issuer. Each issuer may be given once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The keys a token's header {@code kid} may name, to be tried in order: first every key whose {@code kid}
     * equals it, then (for a {@code kid} of at least {@value #MIN_KID_PREFIX} characters) every other key whose
     * RFC 7638 thumbprint starts with it (the short {@code kid} of the compact QR profile).
     *
     * <p>For an issuer whose keys come from its URL, the cached set is searched first; a {@code kid} it does not
     * hold triggers a refresh, at most once per minimum refresh interval
     * ({@link Builder#jwksMinRefreshInterval(Duration)}).
     *
     * @param kid the token's header {@code kid}; null gives no candidates
     * @return the candidates, possibly empty; never more than the store holds
     * @throws KeysUnavailableException when no candidate was found and an issuer's URL could not be read (and no
     *     earlier set of it is still usable): the caller cannot tell whether the key exists and must fail closed
     */
    public List<TrustedKey> candidates(String kid) {
        if (kid == null || kid.isEmpty()) {
            return List.of();
        }
        List<TrustedKey> local = localCandidates(kid);
        if (remotes.isEmpty()) {
            return local;
        }
        List<TrustedKey> out = new ArrayList<>(local);
        KeysUnavailableException failure = null;
        for (RemoteJwks r : remotes) {
            try {
                out.addAll(r.candidates(kid));
            } catch (KeysUnavailableException e) {
                failure = e;
            }
        }
        if (out.isEmpty() && failure != null) {
            throw failure;
        }
        return Collections.unmodifiableList(out);
    }

    /** Candidates among the keys held here, without any URL. */
    List<TrustedKey> localCandidates(String kid) {
        List<TrustedKey> exact = byKid.getOrDefault(kid, List.of());
        List<TrustedKey> prefixed = kid.length() < MIN_KID_PREFIX ? List.of()
                : byThumbprintPrefix.getOrDefault(kid.substring(0, MIN_KID_PREFIX), List.of());
        if (prefixed.isEmpty()) {
            return Collections.unmodifiableList(exact);
        }
        List<TrustedKey> out = new ArrayList<>(exact);
        for (TrustedKey k : prefixed) {
            if (!k.kid().equals(kid) && k.thumbprint().startsWith(kid)) {
                out.add(k);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The trusted public keys as JWKS JSON.
     *
     * @return the JWKS JSON
     */
    public String toJwksJson() {
        List<JWK> jwks = new ArrayList<>();
        for (TrustedKey k : keys()) {
            jwks.add(k.jwk());
        }
        return new JWKSet(jwks).toString(true);
    }

    @Override
    public String toString() {
        return "TrustStore" + (issuers.isEmpty() ? "" : issuers) + keys + (remotes.isEmpty() ? "" : remotes);
    }

    /**
     * Builds a {@link TrustStore} whose keys are bound to their issuers. Not thread-safe.
     *
     * <pre>{@code
     * TrustStore trust = TrustStore.builder()
     *         .issuer("https://issuer-a.example.vn", TrustStore.fromJwksFile(Path.of("a-jwks.json")))
     *         .issuerJwksUrl("https://issuer-b.example.vn", URI.create("https://issuer-b.example.vn/jwks.json"))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        /** Default time a JWKS read from a URL is used before it is read again. */
        public static final Duration DEFAULT_JWKS_REFRESH_INTERVAL = Duration.ofMinutes(5);
        /** Default shortest time between two reads of a URL (refreshes caused by an unknown {@code kid}). */
        public static final Duration DEFAULT_JWKS_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
        /** Default time the last good set of a URL is still used while the URL cannot be read. */
        public static final Duration DEFAULT_JWKS_OUTAGE_TOLERANCE = Duration.ofHours(24);

        private final Map<String, TrustStore> fixed = new LinkedHashMap<>();
        private final Map<String, URI> urls = new LinkedHashMap<>();
        private Duration refreshInterval;
        private Duration minRefreshInterval;
        private Duration outageTolerance;

        private Builder() {
        }

        private void newIssuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (issuer.isEmpty()) {
                throw new IllegalArgumentException("issuer is empty");
            }
            if (fixed.containsKey(issuer) || urls.containsKey(issuer)) {
                throw new IllegalStateException("issuer " + issuer + " is already set");
            }
        }

        /**
         * The keys of one issuer: every key of {@code keys} then verifies only tokens whose {@code iss} is
         * {@code issuer}.
         *
         * @param issuer the issuer id, exactly as tokens name it in {@code iss}
         * @param keys a bare store of that issuer's keys ({@link TrustStore#fromJwks(String)},
         *     {@link TrustStore#fromJwksFile(Path)}, {@link TrustStore#of(KeyRing)})
         * @return this builder
         * @throws IllegalArgumentException when {@code keys} is itself a store per issuer
         * @throws IllegalStateException when the issuer was already given
         */
        public Builder issuer(String issuer, TrustStore keys) {
            newIssuer(issuer);
            Objects.requireNonNull(keys, "keys");
            if (!keys.issuers.isEmpty()) {
                throw new IllegalArgumentException("the keys for " + issuer + " are already bound to issuers "
                        + keys.issuers);
            }
            fixed.put(issuer, keys);
            return this;
        }

        /**
         * The keys of one issuer, read from its JWKS URL through Nimbus's {@code JWKSourceBuilder}: cached for the
         * refresh interval, read again when a token names a {@code kid} the cached set lacks (at most once per
         * minimum refresh interval), and the last good set kept for the outage tolerance while the URL is down.
         * Nothing is read until a token needs a key. A set that breaks a rule of the class comment is not used
         * (fail closed).
         *
         * @param issuer the issuer id, exactly as tokens name it in {@code iss}
         * @param jwksUrl an {@code https} URL; {@code http} only on a loopback host ({@code localhost},
         *     {@code 127.0.0.1}, {@code [::1]}) for tests
         * @return this builder
         * @throws IllegalArgumentException when the URL is not https (or loopback http)
         * @throws IllegalStateException when the issuer was already given
         */
        public Builder issuerJwksUrl(String issuer, URI jwksUrl) {
            newIssuer(issuer);
            urls.put(issuer, RemoteJwks.checkUrl(jwksUrl));
            return this;
        }

        /**
         * How long a JWKS read from a URL is used before it is read again; {@link #DEFAULT_JWKS_REFRESH_INTERVAL}
         * by default.
         *
         * @param interval at least one second
         * @return this builder
         */
        public Builder jwksRefreshInterval(Duration interval) {
            this.refreshInterval = once(this.refreshInterval, "jwksRefreshInterval", interval);
            return this;
        }

        /**
         * The shortest time between two reads of a URL, which bounds the reads that tokens with unknown
         * {@code kid}s can cause; {@link #DEFAULT_JWKS_MIN_REFRESH_INTERVAL} by default.
         *
         * @param interval at least one second, shorter than the refresh interval
         * @return this builder
         */
        public Builder jwksMinRefreshInterval(Duration interval) {
            this.minRefreshInterval = once(this.minRefreshInterval, "jwksMinRefreshInterval", interval);
            return this;
        }

        /**
         * How long the last good set of a URL is still used while the URL cannot be read;
         * {@link #DEFAULT_JWKS_OUTAGE_TOLERANCE} by default.
         *
         * @param tolerance at least one second
         * @return this builder
         */
        public Builder jwksOutageTolerance(Duration tolerance) {
            this.outageTolerance = once(this.outageTolerance, "jwksOutageTolerance", tolerance);
            return this;
        }

        private static Duration once(Duration current, String name, Duration value) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
            Objects.requireNonNull(value, name);
            if (value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(name + " must be at least one second");
            }
            return value;
        }

        /**
         * @return the store
         * @throws IllegalStateException when no issuer was given, or the minimum refresh interval is not shorter
         *     than the refresh interval
         */
        public TrustStore build() {
            if (fixed.isEmpty() && urls.isEmpty()) {
                throw new IllegalStateException("at least one issuer is required");
            }
            Duration refresh = refreshInterval == null ? DEFAULT_JWKS_REFRESH_INTERVAL : refreshInterval;
            Duration minRefresh = minRefreshInterval == null ? DEFAULT_JWKS_MIN_REFRESH_INTERVAL
                    : minRefreshInterval;
            Duration outage = outageTolerance == null ? DEFAULT_JWKS_OUTAGE_TOLERANCE : outageTolerance;
            if (!urls.isEmpty() && minRefresh.compareTo(refresh) >= 0) {
                throw new IllegalStateException("jwksMinRefreshInterval must be shorter than jwksRefreshInterval");
            }
            List<TrustedKey> bound = new ArrayList<>();
            for (Map.Entry<String, TrustStore> e : fixed.entrySet()) {
                for (TrustedKey k : e.getValue().keys) {
                    bound.add(k.boundTo(e.getKey()));
                }
            }
            if (bound.size() > MAX_KEYS) {
                throw new IllegalArgumentException("more than " + MAX_KEYS + " keys");
            }
            List<RemoteJwks> remotes = new ArrayList<>();
            for (Map.Entry<String, URI> e : urls.entrySet()) {
                remotes.add(new RemoteJwks(e.getKey(), e.getValue(), refresh, minRefresh, outage));
            }
            Set<String> all = new LinkedHashSet<>(fixed.keySet());
            all.addAll(urls.keySet());
            return new TrustStore(bound, all, remotes);
        }
    }

    /**
     * The keys of a JWKS read from a URL, validated by the rules of this class and bound to {@code issuer}, or
     * unbound when it is null (used by {@link RemoteJwks}).
     */
    static List<TrustedKey> boundKeys(String issuer, String jwksJson) {
        List<TrustedKey> loaded = fromJwks(jwksJson).keys;
        if (issuer == null) {
            return loaded;
        }
        List<TrustedKey> out = new ArrayList<>();
        for (TrustedKey k : loaded) {
            out.add(k.boundTo(issuer));
        }
        return out;
    }

    /** The keys indexed for {@link #localCandidates(String)} (used by {@link RemoteJwks} for its cached set). */
    static TrustStore indexed(List<TrustedKey> keys) {
        return new TrustStore(keys);
    }
}
