package io.github.eidvn.core.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import io.github.eidvn.core.internal.SecretJwk;

/**
 * An issuer's ES256 keys: one current key that signs, and older keys kept so that assertions they signed still
 * verify during a rotation.
 *
 * <p>Immutable and thread-safe: {@link #rotate()} and {@link #retire(String)} return a new ring. Publish
 * {@link #publicJwksJson()} to verifiers after every change; retire an old key only once every assertion it signed
 * has expired.
 *
 * <p><b>Security:</b> the ring holds private keys. {@link #toString()} shows key ids only;
 * {@link #privateJwksJson()} is the explicit export point for protected storage.
 */
public final class KeyRing {

    private final SigningKey current;
    private final List<SigningKey> previous;

    private KeyRing(SigningKey current, List<SigningKey> previous) {
        this.current = Objects.requireNonNull(current, "current");
        this.previous = List.copyOf(previous);
        Set<String> kids = new LinkedHashSet<>();
        kids.add(current.kid());
        for (SigningKey k : this.previous) {
            if (!kids.add(k.kid())) {
                throw new IllegalArgumentException("the same key appears twice in the ring: " + k.kid());
            }
        }
    }

    /**
     * A ring with one freshly generated key.
     *
     * @return the new ring
     */
    public static KeyRing generate() {
        return new KeyRing(SigningKey.generate(), List.of());
    }

    /**
     * A ring from existing keys.
     *
     * @param current the key that signs
     * @param previous older keys kept for verification, newest first
     * @return the ring
     * @throws IllegalArgumentException when a key appears twice
     */
    public static KeyRing of(SigningKey current, List<SigningKey> previous) {
        Objects.requireNonNull(previous, "previous");
        return new KeyRing(current, previous);
    }

    /**
     * Imports a ring from a private JWKS in JSON, as written by {@link #privateJwksJson()}: the first key is the
     * current one.
     *
     * <p><b>Security:</b> the argument holds secrets; exception messages never repeat them.
     *
     * @param json the private JWKS JSON
     * @return the ring
     * @throws IllegalArgumentException when the JSON is not a JWKS of private P-256 keys
     */
    public static KeyRing fromPrivateJwksJson(String json) {
        JWKSet set = SecretJwk.parseSet(json);
        if (set.isEmpty()) {
            throw new IllegalArgumentException("the JWKS has no keys");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            keys.add(SigningKey.fromPrivateJwk(jwk));
        }
        return new KeyRing(keys.get(0), keys.subList(1, keys.size()));
    }

    /**
     * The key that signs new assertions.
     *
     * @return the current key
     */
    public SigningKey current() {
        return current;
    }

    /**
     * Older keys kept for verification, newest first.
     *
     * @return an unmodifiable list
     */
    public List<SigningKey> previous() {
        return previous;
    }

    /**
     * All keys, current first.
     *
     * @return an unmodifiable list
     */
    public List<SigningKey> keys() {
        List<SigningKey> all = new ArrayList<>(previous.size() + 1);
        all.add(current);
        all.addAll(previous);
        return Collections.unmodifiableList(all);
    }

    /**
     * The key with a key id.
     *
     * @param kid the key id
     * @return the key, or empty
     */
    public Optional<SigningKey> find(String kid) {
        Objects.requireNonNull(kid, "kid");
        return keys().stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /**
     * A new ring whose current key is freshly generated; this ring's current key becomes the newest previous key.
     *
     * @return the new ring
     */
    public KeyRing rotate() {
        return rotate(SigningKey.generate());
    }

    /**
     * A new ring whose current key is {@code next}; this ring's current key becomes the newest previous key.
     *
     * @param next the new current key
     * @return the new ring
     * @throws IllegalArgumentException when {@code next} is already in the ring
     */
    public KeyRing rotate(SigningKey next) {
        Objects.requireNonNull(next, "next");
        List<SigningKey> older = new ArrayList<>(previous.size() + 1);
        older.add(current);
        older.addAll(previous);
        return new KeyRing(next, older);
    }

    /**
     * A new ring without an older key (once every assertion it signed has expired).
     *
     * @param kid the key id of a previous key
     * @return the new ring
     * @throws IllegalArgumentException when {@code kid} is the current key or not in the ring
     */
    public KeyRing retire(String kid) {
        Objects.requireNonNull(kid, "kid");
        if (current.kid().equals(kid)) {
            throw new IllegalArgumentException("the current key cannot be retired; rotate first");
        }
        List<SigningKey> kept = new ArrayList<>(previous);
        if (!kept.removeIf(k -> k.kid().equals(kid))) {
            throw new IllegalArgumentException("no previous key with kid " + kid);
        }
        return new KeyRing(current, kept);
    }

    /**
     * The public keys as a JWKS in JSON, current first, each with {@code kid}, {@code use":"sig"} and
     * {@code alg":"ES256"}; never private parts. This is what verifiers load into a {@link TrustStore}.
     *
     * @return the public JWKS JSON
     */
    public String publicJwksJson() {
        List<JWK> jwks = new ArrayList<>();
        for (SigningKey k : keys()) {
            jwks.add(k.publicJwk());
        }
        return new JWKSet(jwks).toString(true);
    }

    /**
     * All keys with their private parts as a JWKS in JSON, current first.
     *
     * <p><b>Security:</b> the result holds the secret keys; write it only to protected storage.
     *
     * @return the private JWKS JSON
     * @throws IllegalStateException when a key stays inside its provider ({@link SigningKey#exportable()} false)
     */
    public String privateJwksJson() {
        List<JWK> jwks = new ArrayList<>();
        for (SigningKey k : keys()) {
            jwks.add(k.privateJwk());
        }
        return new JWKSet(jwks).toString(false);
    }

    /**
     * Key ids only.
     *
     * @return {@code KeyRing[current=..., previous=[...]]}
     */
    @Override
    public String toString() {
        List<String> kids = new ArrayList<>();
        for (SigningKey k : previous) {
            kids.add(k.kid());
        }
        return "KeyRing[current=" + current.kid() + ", previous=" + kids + "]";
    }
}
