package io.github.eidvn.core.sharing;

import static io.github.eidvn.core.internal.Once.once;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.PartyEncryptionKey;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.consent.ReceiptStatus;
import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.ProtocolToken;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;

/**
 * Seals consented citizen data for one party: sign-then-encrypt (format in {@link SharingFormat}). The inner JWT is
 * signed ES256 with the issuer's current key and carries only the granted fields; it is encrypted to the party's key
 * with {@code ECDH-ES+A256KW} (EC P-256) or {@code RSA-OAEP-256} (RSA), content {@code A256GCM}, {@code cty JWT}
 * (Nimbus JOSE+JWT).
 *
 * <p>Before sealing, the consent must be in force: when the request was built from a receipt, the receipt must not
 * have ended; when a {@link ReceiptStatus} is configured (the {@link io.github.eidvn.core.consent.ConsentLedger}), it
 * must say {@code ACTIVE} for that party and grant every field sealed. Otherwise the result is
 * {@link SealResult.Refused} and nothing is encrypted.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security:</b> data minimisation is enforced here: the claims are cut to the granted fields before anything
 * is signed. Each delivery has a fresh 128-bit {@code jti}, a short lifetime ({@link #DEFAULT_TTL}, never past the
 * receipt's end), and a fresh content key and ephemeral ECDH key (Nimbus). Nothing is logged.
 */
public final class SharingSealer {

    /** The default lifetime of a delivery: 5 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** The longest lifetime of a delivery: 1 hour. */
    public static final Duration MAX_TTL = Duration.ofHours(1);

    private final String issuer;
    private final KeyRing keyRing;
    private final Clock clock;
    private final Duration defaultTtl;
    private final ReceiptStatus receiptStatus;
    private final SecureRandom random = new SecureRandom();

    private SharingSealer(Builder b) {
        if (b.issuer == null || b.keyRing == null) {
            throw new IllegalStateException("issuer and keyRing are required");
        }
        if ((b.receiptStatus == null) == !b.withoutReceiptStatus) {
            throw new IllegalStateException("set exactly one of receiptStatus(...) and withoutReceiptStatus()");
        }
        this.issuer = b.issuer;
        this.keyRing = b.keyRing;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.defaultTtl = b.defaultTtl == null ? DEFAULT_TTL : b.defaultTtl;
        this.receiptStatus = b.receiptStatus;
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Seals a delivery.
     *
     * @param request what to seal, for whom
     * @return {@link SealResult.Sealed} with the compact JWE, or {@link SealResult.Refused}
     * @throws IllegalArgumentException when the request's lifetime exceeds {@link #MAX_TTL}
     */
    public SealResult seal(SealRequest request) {
        Objects.requireNonNull(request, "request");
        Duration ttl = request.ttl().orElse(defaultTtl);
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl " + ttl + " exceeds " + MAX_TTL);
        }
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant exp = now.plusSeconds(ttl.getSeconds());
        if (request.receipt().isPresent()) {
            Instant end = request.receipt().get().expiresAt();
            if (!now.isBefore(end)) {
                return new SealResult.Refused(ReceiptState.Status.EXPIRED, "the consent ended at " + end);
            }
            if (exp.isAfter(end)) {
                exp = end;
            }
        }
        if (receiptStatus != null) {
            ReceiptState state;
            try {
                state = receiptStatus.check(request.receiptId(), request.audience(), now);
            } catch (RuntimeException e) {
                state = ReceiptState.unavailable();
            }
            if (state.status() != ReceiptState.Status.ACTIVE) {
                return new SealResult.Refused(state.status(), "the receipt is " + state.status());
            }
            EnumSet<CitizenField> extra = EnumSet.copyOf(request.fields());
            extra.removeAll(state.grantedFields());
            if (!extra.isEmpty()) {
                return new SealResult.Refused(ReceiptState.Status.ACTIVE, "fields not granted by the receipt: "
                        + extra);
            }
            if (state.expiresAt().isPresent() && exp.isAfter(state.expiresAt().get())) {
                exp = state.expiresAt().get();
            }
        }
        byte[] jtiBytes = new byte[16];
        random.nextBytes(jtiBytes);
        String jti = Base64Url.encode(jtiBytes);
        String inner = signInner(request, now, exp, jti);
        return new SealResult.Sealed(encrypt(inner, request.recipient()), jti, exp);
    }

    private String signInner(SealRequest r, Instant iat, Instant exp, String jti) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", issuer);
        r.subject().ifPresent(s -> c.put("sub", s));
        c.put("aud", r.audience());
        c.put("iat", iat.getEpochSecond());
        c.put("exp", exp.getEpochSecond());
        c.put("jti", jti);
        r.nonce().ifPresent(n -> c.put("nonce", n));
        c.put("receipt_id", r.receiptId());
        r.purpose().ifPresent(p -> c.put("purpose", p));
        r.level().ifPresent(l -> c.put("acr", l.acr()));
        if (!r.methods().isEmpty()) {
            c.put("amr", r.methods());
        }
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", SharingFormat.TRUST_FRAMEWORK);
        r.level().ifPresent(l -> verification.put("assurance_level", Integer.toString(l.number())));
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("verification", verification);
        vc.put("claims", r.claims().only(r.fields()).asMap());
        c.put("verified_claims", vc);
        SigningKey key = keyRing.current();
        String header = "{\"alg\":\"ES256\",\"typ\":\"" + SharingFormat.INNER_TYPE + "\",\"kid\":\"" + key.kid()
                + "\"}";
        String input = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(StrictJson.write(c));
        return input + "." + Base64Url.encode(key.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encrypt(String innerJws, PartyEncryptionKey to) {
        try {
            JWEAlgorithm alg;
            JWEEncrypter encrypter;
            if (to.type() == PartyEncryptionKey.Type.EC_P256) {
                alg = JWEAlgorithm.ECDH_ES_A256KW;
                encrypter = new ECDHEncrypter((ECPublicKey) to.publicKey());
            } else {
                alg = JWEAlgorithm.RSA_OAEP_256;
                encrypter = new RSAEncrypter((RSAPublicKey) to.publicKey());
            }
            JWEHeader header = new JWEHeader.Builder(alg, EncryptionMethod.A256GCM)
                    .contentType(SharingFormat.CONTENT_TYPE)
                    .keyID(to.kid())
                    .build();
            JWEObject jwe = new JWEObject(header, new Payload(innerJws));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("JWE encryption failed", e);
        }
    }

    /** @return the issuer id written as {@code iss} */
    public String issuer() {
        return issuer;
    }

    @Override
    public String toString() {
        return "SharingSealer[iss=" + issuer + ", kid=" + keyRing.current().kid() + ", ttl=" + defaultTtl
                + ", receiptStatus=" + (receiptStatus != null) + "]";
    }

    /** Builds a {@link SharingSealer}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private String issuer;
        private KeyRing keyRing;
        private Clock clock;
        private Duration defaultTtl;
        private ReceiptStatus receiptStatus;
        private boolean withoutReceiptStatus;

        private Builder() {
        }

        /**
         * Required: the issuer id ({@code iss}).
         *
         * @param issuer 1 to 128 printable ASCII characters
         * @return this builder
         */
        public Builder issuer(String issuer) {
            once(this.issuer != null, "issuer");
            this.issuer = ProtocolToken.check("issuer", issuer);
            return this;
        }

        /**
         * Required: the issuer's keys; the current key signs.
         *
         * @param keyRing the ring
         * @return this builder
         */
        public Builder keyRing(KeyRing keyRing) {
            once(this.keyRing != null, "keyRing");
            this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
            return this;
        }

        /**
         * The clock; {@link Clock#systemUTC()} by default.
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
         * The lifetime of a delivery when the request gives none; {@link #DEFAULT_TTL} by default.
         *
         * @param ttl one second to {@link #MAX_TTL}
         * @return this builder
         */
        public Builder defaultTtl(Duration ttl) {
            once(this.defaultTtl != null, "defaultTtl");
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.getSeconds() < 1 || ttl.compareTo(MAX_TTL) > 0) {
                throw new IllegalArgumentException("defaultTtl must be one second to " + MAX_TTL);
            }
            this.defaultTtl = ttl;
            return this;
        }

        /**
         * The receipt check consulted before sealing (the consent ledger). Set this or
         * {@link #withoutReceiptStatus()}.
         *
         * @param status the check
         * @return this builder
         */
        public Builder receiptStatus(ReceiptStatus status) {
            once(this.receiptStatus != null, "receiptStatus");
            this.receiptStatus = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Seal without consulting a ledger (e.g. the CLI): a receipt's end is still checked when the request was
         * built from a receipt.
         *
         * <p><b>Security:</b> a withdrawn consent is then not noticed at sealing time; the party's opener must check
         * the receipt.
         *
         * @return this builder
         */
        public Builder withoutReceiptStatus() {
            once(this.withoutReceiptStatus, "withoutReceiptStatus");
            this.withoutReceiptStatus = true;
            return this;
        }

        /**
         * @return the sealer
         * @throws IllegalStateException when issuer or keyRing is missing, or neither / both of receiptStatus and
         *     withoutReceiptStatus are set
         */
        public SharingSealer build() {
            return new SharingSealer(this);
        }
    }
}
