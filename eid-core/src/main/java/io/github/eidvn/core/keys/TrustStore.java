package io.github.eidvn.core.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * <p><b>Security:</b> keys are selected by the token's {@code kid} only ({@link #candidates(String)}); header
 * {@code alg}, {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} never select or supply a key. Two keys may share
 * a {@code kid}: a verifier tries each.
 */
public final class TrustStore {

    /** The most keys one trust store holds. */
    public static final int MAX_KEYS = 10_000;
    /** The longest JWKS text accepted (4 MiB: about 10,000 EC keys with kid, use and alg). */
    public static final int MAX_JWKS_CHARS = 1 << 22;
    /** The shortest key-id prefix matched against thumbprints (the compact QR header's short {@code kid}). */
    public static final int MIN_KID_PREFIX = 8;

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private final List<TrustedKey> keys;
    /** Keys by {@code kid}, in JWKS order. */
    private final Map<String, List<TrustedKey>> byKid = new HashMap<>();
    /** Keys by the first {@value #MIN_KID_PREFIX} characters of their thumbprint, in JWKS order. */
    private final Map<String, List<TrustedKey>> byThumbprintPrefix = new HashMap<>();

    private TrustStore(List<TrustedKey> keys) {
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
        Map<?, ?> members = (Map<?, ?>) raw;
        for (Object name : members.keySet()) {
            if (PRIVATE_MEMBERS.contains(name)) {
                throw new IllegalArgumentException(where + " has the private/secret member \"" + name
                        + "\": a trust store takes public keys only");
            }
        }
        JWK jwk;
        try {
            jwk = JWK.parse(StrictJson.writeString(members));
        } catch (ParseException e) {
            throw new IllegalArgumentException(where + " is not a valid JWK: " + e.getMessage());
        }
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException(where + " is private: a trust store takes public keys only");
        }
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            throw new IllegalArgumentException(where + " has use \"" + jwk.getKeyUse().identifier() + "\", not sig");
        }
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
     * All keys, in JWKS order.
     *
     * @return an unmodifiable list
     */
    public List<TrustedKey> keys() {
        return keys;
    }

    /**
     * The keys a token's header {@code kid} may name, to be tried in order: first every key whose {@code kid}
     * equals it, then (for a {@code kid} of at least {@value #MIN_KID_PREFIX} characters) every other key whose
     * RFC 7638 thumbprint starts with it (the short {@code kid} of the compact QR profile).
     *
     * @param kid the token's header {@code kid}; null gives no candidates
     * @return the candidates, possibly empty; never more than the store holds
     */
    public List<TrustedKey> candidates(String kid) {
        if (kid == null || kid.isEmpty()) {
            return List.of();
        }
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
        for (TrustedKey k : keys) {
            jwks.add(k.jwk());
        }
        return new JWKSet(jwks).toString(true);
    }

    @Override
    public String toString() {
        return "TrustStore" + keys;
    }
}
