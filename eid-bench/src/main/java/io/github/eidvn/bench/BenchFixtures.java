package io.github.eidvn.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.InMemoryReplayGuard;

/** Inputs shared by the benchmarks and the report: the hospital presentation, a level-2 eKYC package, keys. */
public final class BenchFixtures {

    /** The issuer id written in every benchmark assertion. */
    public static final String ISSUER = "https://vneid.gov.vn";
    /** A fixed "now" for issuer and verifier clocks. */
    public static final Instant NOW = Instant.parse("2026-09-17T03:00:00Z");
    /** The hospital's facility code, used as the audience. */
    public static final String HOSPITAL = "79024";
    /** The hospital check-in purpose. */
    public static final String PURPOSE = "bhyt-checkin";

    /** The hospital presentation's citizen claims. */
    public static final String HOSPITAL_CLAIMS_JSON = "{\"personal_number\":\"079303012345\","
            + "\"name\":\"Nguyễn Thị Minh Khai\",\"birthdate\":\"2003-05-17\",\"gender\":\"female\","
            + "\"health_insurance\":{\"number\":\"HS4790120878811\",\"valid_from\":\"2026-01-01\","
            + "\"valid_to\":\"2026-12-31\",\"benefit_level\":4,\"facility\":\"79024\"}}";

    /** The level-2 eKYC package's citizen claims that the core models today. */
    public static final String EKYC_CLAIMS_JSON = "{\"personal_number\":\"001085023456\","
            + "\"name\":\"Trần Văn Hoàng Long\",\"birthdate\":\"1985-11-02\",\"gender\":\"male\","
            + "\"address\":{\"formatted\":\"Số 12 ngõ 34 phố Đội Cấn, phường Ngọc Hà, thành phố Hà Nội\","
            + "\"street_address\":\"Số 12 ngõ 34 phố Đội Cấn\",\"locality\":\"phường Ngọc Hà\","
            + "\"region\":\"Hà Nội\",\"country\":\"VN\"},\"phone_number\":\"+84912345678\"}";

    /**
     * The eKYC claims the core does not model yet (email, nationality, ethnicity, hometown, permanent and current
     * residence), in the compact profile's style (short names, ISO codes); added to the signed payload by
     * {@link Sizes} for the P4 size figures only.
     */
    public static final String EKYC_EXTRA_COMPACT_JSON = "{\"em\":\"hoanglong.tran85@gmail.com\",\"nat\":\"VN\","
            + "\"eth\":\"Kinh\",\"ho\":\"xã Yên Thái, huyện Yên Mô, tỉnh Ninh Bình\","
            + "\"res\":[{\"t\":1,\"f\":\"Số 12 ngõ 34 phố Đội Cấn, phường Ngọc Hà, thành phố Hà Nội\"},"
            + "{\"t\":2,\"f\":\"Căn hộ 1508 toà B, 458 Minh Khai, phường Vĩnh Tuy, thành phố Hà Nội\"}]}";

    private BenchFixtures() {
    }

    /** @return a clock fixed at {@link #NOW} */
    public static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** @return an issuer at {@link #ISSUER} with the given ring, clock fixed at {@link #NOW} */
    static AssertionIssuer issuer(KeyRing ring) {
        return AssertionIssuer.builder().issuer(ISSUER).keyRing(ring).clock(clock()).build();
    }

    /** @return the hospital presentation: level 2, face, registry and chip evidence, aud and purpose set */
    public static AssertionRequest hospitalRequest() {
        return AssertionRequest.builder()
                .level(AssuranceLevel.LEVEL_2)
                .methods("face")
                .evidence(List.of(Evidence.of("electronic_record", "data"), Evidence.of("document", "vcrypt")))
                .claims(AssertionRequest.parseClaims(HOSPITAL_CLAIMS_JSON))
                .audience(HOSPITAL)
                .purpose(PURPOSE)
                .build();
    }

    /** @return the level-2 eKYC package for a bank (the modelled claims), aud and purpose set */
    public static AssertionRequest ekycRequest() {
        return AssertionRequest.builder()
                .level(AssuranceLevel.LEVEL_2)
                .methods("face", "nfc")
                .evidence(List.of(Evidence.of("electronic_record", "data"), Evidence.of("document", "vcrypt"),
                        Evidence.of("biometric", "bvr")))
                .claims(AssertionRequest.parseClaims(EKYC_CLAIMS_JSON))
                .audience("bank-970436")
                .purpose("ekyc-onboarding")
                .build();
    }

    /**
     * The hospital-desk verifier: audience, purpose, level 2, the default in-memory replay guard, clock at
     * {@link #NOW}.
     *
     * @param store the trusted keys
     * @return a fresh verifier (with a fresh replay guard)
     */
    public static AssertionVerifier hospitalVerifier(TrustStore store) {
        return AssertionVerifier.builder().trustStore(store).clock(clock()).expectedAudience(HOSPITAL)
                .expectedPurpose(PURPOSE).requiredLevel(AssuranceLevel.LEVEL_2)
                .replayGuard(InMemoryReplayGuard.withCapacity(InMemoryReplayGuard.DEFAULT_MAX_ENTRIES)).build();
    }

    /**
     * A JWKS of {@code count} P-256 public keys: {@code count - 1} unrelated keys, then {@code last} (so a linear
     * key search would reach it last). The unrelated points are Q, Q+G, Q+2G, ... from a random Q: valid,
     * distinct and cheap to make.
     *
     * @param count total number of keys
     * @param last the key to put last
     * @return the JWKS JSON
     */
    public static String jwksWith(int count, SigningKey last) {
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        ECPoint g = p256.getG();
        ECPoint q = g.multiply(new BigInteger(255, new SecureRandom()).add(BigInteger.TWO)).normalize();
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (int i = 0; i < count - 1; i++) {
            sb.append("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"")
                    .append(b64.encodeToString(q.getAffineXCoord().getEncoded())).append("\",\"y\":\"")
                    .append(b64.encodeToString(q.getAffineYCoord().getEncoded())).append("\"},");
            q = q.add(g).normalize();
        }
        return sb.append(last.publicJwkJson()).append("]}").toString();
    }
}
