package io.github.eidvn.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.PartyEncryptionKey;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.MaritalStatus;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.sharing.SharedClaims;

/** Shared consent and sharing fixtures: parties with keys, a registry, a citizen record. */
public final class ConsentFixtures {

    /** The e-ID issuer that requests are addressed to. */
    public static final String ISSUER = AssertionFixtures.ISSUER;
    /** The citizen of the fixtures. */
    public static final String CITIZEN_NUMBER = "079303012345";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ConsentFixtures() {
    }

    /**
     * A party's keys and its registration.
     *
     * @param signingKey the request-signing key (ES256)
     * @param encryptionPrivateJwk the private encryption JWK (JSON)
     * @param party the registration
     */
    public record Party(SigningKey signingKey, String encryptionPrivateJwk, RelyingParty party) {
    }

    /** @return a fresh private EC P-256 JWK */
    public static JWK ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param bits modulus size
     * @return a fresh private RSA JWK
     */
    public static JWK rsaKey(int bits) {
        try {
            return new RSAKeyGenerator(bits, true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A party registered for one purpose.
     *
     * @param id the party id
     * @param purpose the purpose code (standard catalogue)
     * @param encryptionKey the private encryption JWK (EC or RSA)
     * @param fields the fields registered, or none for every field of the purpose
     * @return the party
     */
    public static Party party(String id, String purpose, JWK encryptionKey, CitizenField... fields) {
        SigningKey signing = SigningKey.generate();
        RelyingParty.Builder b = RelyingParty.builder().id(id)
                .legalName("Đơn vị " + id, "Organisation " + id)
                .contact("dpo@" + id + ".example.vn")
                .signingJwks("{\"keys\":[" + signing.publicJwkJson() + "]}")
                .encryptionKey(PartyEncryptionKey.fromJwkJson(encryptionKey.toPublicJWK().toJSONString()));
        var p = PurposeCatalogue.standard().find(purpose).orElseThrow();
        if (fields.length == 0) {
            b.purpose(p);
        } else {
            b.purpose(p, java.util.List.of(fields));
        }
        return new Party(signing, encryptionKey.toJSONString(), b.build());
    }

    /** @return "vcb-bank" registered for bank-ekyc with every field, EC encryption key */
    public static Party bank() {
        return party("vcb-bank", "bank-ekyc", ecKey());
    }

    /**
     * @param parties the parties
     * @return a registry over the standard catalogue holding them
     */
    public static InMemoryRelyingPartyRegistry registry(Party... parties) {
        InMemoryRelyingPartyRegistry r = InMemoryRelyingPartyRegistry.create();
        for (Party p : parties) {
            r.register(p.party());
        }
        return r;
    }

    /** @return a citizen record with most optional fields */
    public static CitizenProfile profile() {
        return CitizenProfile.builder()
                .personalNumber(PersonalNumber.of(CITIZEN_NUMBER))
                .fullName("Nguyễn Thị Minh Khai")
                .birthDate(LocalDate.of(2003, 5, 17))
                .sex(Sex.FEMALE)
                .nationality("Việt Nam")
                .ethnicity("Kinh")
                .religion("Không")
                .hometown("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An")
                .placeOfBirthRegistration("UBND Phường 6, Quận 3, TP. Hồ Chí Minh")
                .permanentResidence("12 Nguyễn Đình Chiểu, Phường 6, Quận 3, TP. Hồ Chí Minh")
                .currentResidence("45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh")
                .maritalStatus(MaritalStatus.NOT_MARRIED)
                .father(RelatedPerson.of(PersonName.of("Nguyễn Văn Hùng")))
                .mother(RelatedPerson.of(PersonName.of("Trần Thị Lan")))
                .householdHead(RelatedPerson.of(PersonName.of("Nguyễn Văn Hùng")))
                .relationshipToHouseholdHead("Con")
                .phoneNumber("+84901234567")
                .email("khai.nguyen@example.vn")
                .build();
    }

    /** @return the fixture profile's claims plus a health-insurance card */
    public static SharedClaims claims() {
        return SharedClaims.fromProfile(profile()).plus(SharedClaims.parseJson("{\"health_insurance\":"
                + "{\"number\":\"HS4790120878811\",\"valid_from\":\"2026-01-01\",\"valid_to\":\"2026-12-31\","
                + "\"benefit_level\":4,\"facility\":\"79024\"}}"));
    }

    /** @return 32 random bytes */
    public static byte[] secret() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return s;
    }

    /**
     * Signs any header and claims as a compact JWS (for hostile-request tests).
     *
     * @param key the key
     * @param header the header members
     * @param claims the claims
     * @return the compact JWS (payload deflated when the header has zip)
     */
    public static String signRaw(SigningKey key, Map<String, Object> header, Map<String, Object> claims) {
        byte[] payload = StrictJson.write(claims);
        if (header.containsKey("zip")) {
            payload = RawDeflate.deflate(payload);
        }
        String input = B64.encodeToString(StrictJson.write(header)) + "." + B64.encodeToString(payload);
        return input + "." + B64.encodeToString(key.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A compact JWS taken apart (no verification).
     *
     * @param header the header members
     * @param claims the claims
     */
    public record Parts(Map<String, Object> header, Map<String, Object> claims) {
    }

    /**
     * The header and claims of a compact JWS (inflating when zip).
     *
     * @param jws the JWS
     * @return the parts, mutable copies
     */
    public static Parts open(String jws) {
        String[] p = jws.split("\\.", -1);
        Map<String, Object> header = new java.util.LinkedHashMap<>(StrictJson.parseObject(
                Base64.getUrlDecoder().decode(p[0])));
        byte[] payload = Base64.getUrlDecoder().decode(p[1]);
        if (header.containsKey("zip")) {
            payload = RawDeflate.inflate(payload, RawDeflate.MAX_INFLATED_BYTES);
        }
        return new Parts(header, new java.util.LinkedHashMap<>(StrictJson.parseObject(payload)));
    }
}
