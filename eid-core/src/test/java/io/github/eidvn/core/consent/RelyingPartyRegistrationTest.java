package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.testing.ConsentFixtures;

class RelyingPartyRegistrationTest {

    private static final Purpose EKYC = PurposeCatalogue.standard().find("bank-ekyc").orElseThrow();

    private static RelyingParty.Builder base(String signingJwks, String encryptionJwk) {
        return RelyingParty.builder().id("vcb-bank").legalName("Ngân hàng A", "Bank A").contact("dpo@a.vn")
                .purpose(EKYC).signingJwks(signingJwks)
                .encryptionKey(PartyEncryptionKey.fromJwkJson(encryptionJwk));
    }

    private static String jwks(String jwk) {
        return "{\"keys\":[" + jwk + "]}";
    }

    private static String publicEc() {
        return ConsentFixtures.ecKey().toPublicJWK().toJSONString();
    }

    @Test
    void build_ecSigningAndEcEncryption_accepted() {
        RelyingParty p = base(jwks(SigningKey.generate().publicJwkJson()), publicEc()).build();
        assertThat(p.encryptionKey().jweAlgorithm()).isEqualTo("ECDH-ES+A256KW");
        assertThat(p.allowedFields("bank-ekyc")).contains(EKYC.fields());
        assertThat(p.allowedFields("passport")).isEmpty();
    }

    @Test
    void build_rsa2048Encryption_acceptedAndPinnedToRsaOaep256() {
        String rsa = ConsentFixtures.rsaKey(2048).toPublicJWK().toJSONString();
        RelyingParty p = base(jwks(SigningKey.generate().publicJwkJson()), rsa).build();
        assertThat(p.encryptionKey().jweAlgorithm()).isEqualTo("RSA-OAEP-256");
        assertThat(p.encryptionKey().type()).isEqualTo(PartyEncryptionKey.Type.RSA);
    }

    @Test
    void encryptionKey_rsa1024_rejectedAsWeak() {
        String rsa = ConsentFixtures.rsaKey(1024).toPublicJWK().toJSONString();
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson(rsa)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2048");
    }

    @Test
    void encryptionKey_p384_rejected() throws Exception {
        String p384 = new ECKeyGenerator(Curve.P_384).generate().toPublicJWK().toJSONString();
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson(p384)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-256");
    }

    @Test
    void encryptionKey_private_rejected() {
        String priv = ConsentFixtures.ecKey().toJSONString();
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson(priv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"d\"");
    }

    @Test
    void encryptionKey_symmetric_rejected() throws Exception {
        String oct = new OctetSequenceKeyGenerator(256).generate().toJSONString();
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson(oct)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptionKey_useSigOrWrongAlg_rejected() {
        ECKey ec = (ECKey) ConsentFixtures.ecKey();
        String sig = new ECKey.Builder(ec.toPublicJWK()).keyUse(KeyUse.SIGNATURE).build().toJSONString();
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson(sig)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not enc");
        String rsaAlg = new ECKey.Builder(ec.toPublicJWK()).algorithm(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256)
                .build().toJSONString();
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson(rsaAlg)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptionKey_pointNotOnCurve_rejected() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(StrictJson.parseObject(publicEc()));
        Map<String, Object> other = StrictJson.parseObject(publicEc());
        m.put("y", other.get("y"));
        String bad = StrictJson.writeString(m);
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptionKey_malformedJson_rejected() {
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson("{\"kty\":\"EC\",\"kty\":\"RSA\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartyEncryptionKey.fromJwkJson("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signingJwks_rsaOrP384OrPrivate_rejected() throws Exception {
        String rsa = jwks(ConsentFixtures.rsaKey(2048).toPublicJWK().toJSONString());
        assertThatThrownBy(() -> base(rsa, publicEc())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ES256");
        String p384 = jwks(new ECKeyGenerator(Curve.P_384).generate().toPublicJWK().toJSONString());
        assertThatThrownBy(() -> base(p384, publicEc())).isInstanceOf(IllegalArgumentException.class);
        String priv = jwks(SigningKey.generate().privateJwkJson());
        assertThatThrownBy(() -> base(priv, publicEc())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_sameKeyForSigningAndEncryption_rejected() {
        JWK k = ConsentFixtures.ecKey();
        String pub = k.toPublicJWK().toJSONString();
        assertThatThrownBy(() -> base(jwks(pub), pub).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("separate");
    }

    @Test
    void purpose_fieldOutsideTheCatalogueEntry_rejected() {
        Purpose traffic = PurposeCatalogue.standard().find("traffic-fine").orElseThrow();
        assertThatThrownBy(() -> RelyingParty.builder().purpose(traffic, List.of(CitizenField.RELIGION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("religion");
    }

    @Test
    void registry_purposeNotInItsCatalogue_rejected() {
        Purpose custom = Purpose.of("loyalty-card", "Thẻ thành viên", "Loyalty card", Purpose.Kind.OTHER_SERVICE,
                List.of(CitizenField.NAME));
        RelyingParty p = RelyingParty.builder().id("shop").legalName("Cửa hàng", "Shop").contact("a@b.vn")
                .purpose(custom).signingJwks(jwks(SigningKey.generate().publicJwkJson()))
                .encryptionKey(PartyEncryptionKey.fromJwkJson(publicEc())).build();
        assertThatThrownBy(() -> InMemoryRelyingPartyRegistry.create().register(p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loyalty-card");
        InMemoryRelyingPartyRegistry own = InMemoryRelyingPartyRegistry.create(
                PurposeCatalogue.builder().add(custom).build());
        assertThat(own.register(p).find("shop")).isPresent();
    }

    @Test
    void registry_duplicateId_rejectedAndMalformedIdNotFound() {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        InMemoryRelyingPartyRegistry r = ConsentFixtures.registry(bank);
        assertThatThrownBy(() -> r.register(bank.party())).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.find("VCB BANK")).isEmpty();
        assertThat(r.find(null)).isEmpty();
        assertThat(r.remove("vcb-bank")).isTrue();
        assertThat(r.find("vcb-bank")).isEmpty();
    }

    @Test
    void registryJson_roundTrips() {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        ConsentFixtures.Party hospital = ConsentFixtures.party("bv-cho-ray", "bhyt-checkin",
                ConsentFixtures.rsaKey(2048), CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
                CitizenField.HEALTH_INSURANCE);
        String json = ConsentFixtures.registry(bank, hospital).toJson();
        InMemoryRelyingPartyRegistry back = InMemoryRelyingPartyRegistry.fromJson(json);
        assertThat(back.parties()).extracting(RelyingParty::id).containsExactly("bv-cho-ray", "vcb-bank");
        RelyingParty h = back.find("bv-cho-ray").orElseThrow();
        assertThat(h.allowedFields("bhyt-checkin")).contains(java.util.EnumSet.of(CitizenField.PERSONAL_NUMBER,
                CitizenField.NAME, CitizenField.HEALTH_INSURANCE));
        assertThat(h.encryptionKey()).isEqualTo(hospital.party().encryptionKey());
        assertThat(h.legalNameVi()).isEqualTo("Đơn vị bv-cho-ray");
        assertThat(back.toJson()).isEqualTo(json);
    }

    @Test
    void registryJson_unknownMemberOrPrivateKeyOrUnknownPurpose_rejected() {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        Map<String, Object> party = new java.util.LinkedHashMap<>(InMemoryRelyingPartyRegistry.partyToJson(
                bank.party()));
        party.put("extra", 1);
        assertThatThrownBy(() -> InMemoryRelyingPartyRegistry.fromJson(StrictJson.writeString(
                Map.of("parties", List.of(party))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("party #0");
        party.remove("extra");
        party.put("encryption_jwk", StrictJson.parseObject(bank.encryptionPrivateJwk()));
        assertThatThrownBy(() -> InMemoryRelyingPartyRegistry.fromJson(StrictJson.writeString(
                Map.of("parties", List.of(party))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private");
        party.put("encryption_jwk", StrictJson.parseObject(bank.party().encryptionKey().jwkJson()));
        party.put("purposes", Map.of("buy-now-pay-later", List.of("name")));
        assertThatThrownBy(() -> InMemoryRelyingPartyRegistry.fromJson(StrictJson.writeString(
                Map.of("parties", List.of(party))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buy-now-pay-later");
        assertThatThrownBy(() -> InMemoryRelyingPartyRegistry.fromJson("{\"parties\":{}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
