package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;

import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.AssertionFixtures;

class AssertionIssuerTest {

    private final KeyRing ring = KeyRing.generate();
    private final AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clock());

    private static Map<String, Object> part(String jws, int i) {
        return StrictJson.parseObject(Base64.getUrlDecoder().decode(jws.split("\\.")[i]));
    }

    @Test
    void issueJwt_headerIsEs256WithTypAndFullThumbprintKid() {
        Map<String, Object> header = part(issuer.issueJwt(AssertionFixtures.hospitalRequest()), 0);
        assertThat(header).containsOnly(Map.entry("alg", "ES256"), Map.entry("typ", "vneid-assertion+jwt"),
                Map.entry("kid", ring.current().kid()));
    }

    @Test
    void issueJwt_payloadHasStandardClaims() {
        Map<String, Object> p = part(issuer.issueJwt(AssertionFixtures.hospitalRequest()), 1);
        assertThat(p.keySet()).containsExactly("iss", "iat", "exp", "jti", "aud", "purpose", "acr", "amr",
                "verified_claims");
        long iat = AssertionFixtures.NOW.getEpochSecond();
        assertThat(p).containsEntry("iss", AssertionFixtures.ISSUER).containsEntry("iat", (int) iat)
                .containsEntry("exp", (int) (iat + 600)).containsEntry("aud", "79024")
                .containsEntry("purpose", "bhyt-checkin").containsEntry("acr", "urn:vn:eid:loa:2")
                .containsEntry("amr", List.of("face"));
        assertThat(Base64.getUrlDecoder().decode((String) p.get("jti"))).hasSize(16);
        Map<?, ?> vc = (Map<?, ?>) p.get("verified_claims");
        Map<?, ?> verification = (Map<?, ?>) vc.get("verification");
        assertThat(verification.get("trust_framework")).isEqualTo("vn_eid");
        assertThat(verification.get("assurance_level")).isEqualTo("2");
        assertThat(verification.get("evidence")).isEqualTo(List.of(
                Map.of("type", "electronic_record", "check_details", List.of(Map.of("check_method", "data"))),
                Map.of("type", "document", "check_details", List.of(Map.of("check_method", "vcrypt")))));
        assertThat(vc.get("claims")).isEqualTo(AssertionFixtures.hospitalClaims());
    }

    @Test
    void issueJwt_onlyTheClaimsAskedFor() {
        AssertionRequest req = AssertionRequest.builder().level(AssuranceLevel.LEVEL_1).methods("pwd")
                .claims(Map.of("name", "Trần Văn B")).build();
        Map<String, Object> p = part(issuer.issueJwt(req), 1);
        assertThat(((Map<?, ?>) p.get("verified_claims")).get("claims")).isEqualTo(Map.of("name", "Trần Văn B"));
        assertThat(p).doesNotContainKeys("aud", "purpose", "name", "personal_number");
    }

    @Test
    void issueJwt_signatureVerifiesWithTheCurrentPublicKey() throws Exception {
        JWSObject jws = JWSObject.parse(issuer.issueJwt(AssertionFixtures.hospitalRequest()));
        assertThat(jws.verify(new ECDSAVerifier(ring.current().publicKey()))).isTrue();
        assertThat(jws.verify(new ECDSAVerifier(KeyRing.generate().current().publicKey()))).isFalse();
    }

    @Test
    void issue_jtiIsFreshEachTime() {
        Set<Object> jtis = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            jtis.add(part(issuer.issueForQr(AssertionFixtures.hospitalRequest()), 0).get("kid"));
            jtis.add(StrictJson.parseObject(RawDeflate.inflate(Base64.getUrlDecoder().decode(
                    issuer.issueForQr(AssertionFixtures.hospitalRequest()).split("\\.")[1]), 65536)).get("j"));
        }
        assertThat(jtis).hasSize(51); // one short kid + 50 distinct jti values
    }

    @Test
    void issuedHeaders_haveTheExactCanonicalBytes() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        String qr = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        assertThat(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"ES256\",\"typ\":\"vneid-assertion+jwt\",\"kid\":\"" + ring.current().kid() + "\"}");
        String shortKid = ring.current().kid().substring(0, 8);
        assertThat(new String(Base64.getUrlDecoder().decode(qr.split("\\.")[0]), StandardCharsets.UTF_8))
                .isEqualTo(AssertionIssuer.qrHeaderJson(shortKid))
                .isEqualTo("{\"alg\":\"ES256\",\"typ\":\"vneid-qr+jwt\",\"kid\":\"" + shortKid + "\",\"zip\":\"DEF\"}");
        assertThatThrownBy(() -> AssertionIssuer.qrHeaderJson("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssertionIssuer.qrHeaderJson("abc\"defg")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void issueForQr_shortHeaderWithZipAndKidPrefix() {
        String qr = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        Map<String, Object> header = part(qr, 0);
        assertThat(header).containsOnly(Map.entry("alg", "ES256"), Map.entry("typ", "vneid-qr+jwt"),
                Map.entry("kid", ring.current().kid().substring(0, 8)), Map.entry("zip", "DEF"));
    }

    @Test
    void issueForQr_payloadIsDeflatedCompactProfileOfTheSameContent() throws Exception {
        String qr = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        assertThat(JWSObject.parse(qr).verify(new ECDSAVerifier(ring.current().publicKey()))).isTrue();
        byte[] json = RawDeflate.inflate(Base64.getUrlDecoder().decode(qr.split("\\.")[1]), 65536);
        Map<String, Object> compact = StrictJson.parseObject(json);
        assertThat(compact).containsKeys("v", "pn", "nm", "bd", "g", "hi", "p", "e").doesNotContainKeys("name",
                "verified_claims", "purpose", "pur", "vc");
        assertThat(Base64.getUrlDecoder().decode((String) compact.get("j"))).hasSize(9); // 72 random bits
        Assertion fromQr = AssertionCodec.fromStandard(QrClaimProfile.expand(compact), ring.current().kid());
        Assertion fromJwt = AssertionCodec.fromStandard(part(issuer.issueJwt(AssertionFixtures.hospitalRequest()), 1),
                ring.current().kid());
        assertThat(fromQr.claims()).isEqualTo(fromJwt.claims());
        assertThat(fromQr.level()).isEqualTo(fromJwt.level());
        assertThat(fromQr.evidence()).isEqualTo(fromJwt.evidence());
        assertThat(fromQr.audience()).isEqualTo(fromJwt.audience());
        assertThat(fromQr.purpose()).isEqualTo(fromJwt.purpose());
        assertThat(fromQr.expiresAt()).isEqualTo(fromJwt.expiresAt());
    }

    @Test
    void issue_ttlAboveMaximum_rejected_andCustomTtlUsed() {
        AssertionIssuer strict = AssertionIssuer.builder().issuer("i").keyRing(ring)
                .clock(AssertionFixtures.clock()).maxTtl(Duration.ofMinutes(30)).build();
        AssertionRequest tooLong = AssertionRequest.builder().level(AssuranceLevel.LEVEL_1).methods("pwd")
                .claims(Map.of("name", "A")).ttl(Duration.ofHours(1)).build();
        assertThatThrownBy(() -> strict.issueJwt(tooLong)).isInstanceOf(IllegalArgumentException.class);
        AssertionRequest five = AssertionRequest.builder().level(AssuranceLevel.LEVEL_1).methods("pwd")
                .claims(Map.of("name", "A")).ttl(Duration.ofMinutes(5)).build();
        Map<String, Object> p = part(strict.issueJwt(five), 1);
        assertThat(((Number) p.get("exp")).longValue() - ((Number) p.get("iat")).longValue()).isEqualTo(300);
    }

    @Test
    void builder_requiresIssuerAndRing_andRejectsConflicts() {
        assertThatThrownBy(() -> AssertionIssuer.builder().keyRing(ring).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionIssuer.builder().issuer("i").build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionIssuer.builder().issuer("i").keyRing(ring).maxTtl(Duration.ofMinutes(5))
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("defaultTtl");
        assertThatThrownBy(() -> AssertionIssuer.builder().issuer("i").issuer("j"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionIssuer.builder().issuer("has space"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void issuesWithTheCurrentKeyOfARotatedRing() {
        KeyRing rotated = ring.rotate();
        AssertionIssuer next = AssertionFixtures.issuer(rotated, AssertionFixtures.clock());
        assertThat(part(next.issueJwt(AssertionFixtures.hospitalRequest()), 0).get("kid"))
                .isEqualTo(rotated.current().kid()).isNotEqualTo(ring.current().kid());
    }
}
