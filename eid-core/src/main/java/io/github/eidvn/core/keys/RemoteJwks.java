package io.github.eidvn.core.keys;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * One issuer's keys read from its JWKS URL. Caching, the refresh interval, the rate limit on refreshes and the
 * use of the last good set during an outage are Nimbus's {@link JWKSourceBuilder}; this class only asks it for the
 * set (again, when a {@code kid} is missing, as Nimbus's own {@code JWKSetBasedJWKSource} does) and validates and
 * indexes each new set once, with the rules of {@link TrustStore}, its keys bound to the issuer.
 *
 * <p>Thread-safe.
 */
final class RemoteJwks {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final int TIMEOUT_MILLIS = 5_000;

    /** The issuer the keys are bound to, or null for a bare JWKS URL (one issuer, whatever its name). */
    private final String issuer;
    private final URI url;
    private final JWKSetSource<SecurityContext> source;
    /** The last set Nimbus returned and its validated keys; replaced when Nimbus returns another set object. */
    private volatile Snapshot last;

    RemoteJwks(String issuer, URI url, Duration refresh, Duration minRefresh, Duration outage) {
        this.issuer = issuer;
        this.url = url;
        URL u;
        try {
            u = url.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a usable JWKS URL: " + url);
        }
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS,
                TrustStore.MAX_JWKS_CHARS);
        JWKSource<SecurityContext> built = JWKSourceBuilder.<SecurityContext>create(u, retriever)
                .cache(refresh.toMillis(), TIMEOUT_MILLIS)
                .refreshAheadCache(false)
                .rateLimited(minRefresh.toMillis())
                .outageTolerant(outage.toMillis())
                .retrying(false)
                .build();
        this.source = ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
    }

    /** The URL, if it is https, or http on a loopback host. */
    static URI checkUrl(URI url) {
        Objects.requireNonNull(url, "jwksUrl");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the JWKS URL has no host: " + url);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw new IllegalArgumentException("a JWKS URL must be https (http only on a loopback host): " + url);
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("a JWKS URL must not carry credentials");
        }
        return url;
    }

    /** Keys for {@code kid}; reads the URL when the cached set has none (rate limited by Nimbus). */
    List<TrustedKey> candidates(String kid) {
        long now = System.currentTimeMillis();
        JWKSet set = read(JWKSetCacheRefreshEvaluator.noRefresh(), now);
        List<TrustedKey> found = snapshot(set).keys.localCandidates(kid);
        if (!found.isEmpty()) {
            return found;
        }
        JWKSet refreshed;
        try {
            refreshed = source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(set), now, null);
        } catch (RateLimitReachedException e) {
            return found; // refreshed too recently: the kid is unknown for now
        } catch (KeySourceException | RuntimeException e) {
            throw unavailable(e);
        }
        if (refreshed == null || refreshed == set) {
            return found;
        }
        return snapshot(refreshed).keys.localCandidates(kid);
    }

    /** The keys of the last set read, without reading. */
    List<TrustedKey> lastKeys() {
        Snapshot s = last;
        return s == null ? List.of() : s.keys.keys();
    }

    private JWKSet read(JWKSetCacheRefreshEvaluator evaluator, long now) {
        try {
            return source.getJWKSet(evaluator, now, null);
        } catch (KeySourceException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private Snapshot snapshot(JWKSet set) {
        Snapshot s = last;
        if (s != null && s.set == set) {
            return s;
        }
        List<TrustedKey> keys;
        try {
            // toString(false): private members are kept so that the trust-store rules refuse them
            keys = TrustStore.boundKeys(issuer, set.toString(false));
        } catch (IllegalArgumentException e) {
            throw new KeysUnavailableException(where() + " is refused: " + e.getMessage(), null);
        }
        s = new Snapshot(set, TrustStore.indexed(keys));
        last = s;
        return s;
    }

    private KeysUnavailableException unavailable(Exception e) {
        return new KeysUnavailableException(where() + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }

    private String where() {
        return "the JWKS " + (issuer == null ? "" : "of " + issuer + " ") + "at " + url;
    }

    @Override
    public String toString() {
        return "RemoteJwks[" + issuer + ", " + url + "]";
    }

    private static final class Snapshot {
        final JWKSet set;
        final TrustStore keys;

        Snapshot(JWKSet set, TrustStore keys) {
            this.set = set;
            this.keys = keys;
        }
    }
}
