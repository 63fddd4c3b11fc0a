package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/**
 * {@link ConsentRequestSigner}, {@link RelyingParty} registration and {@link Purpose} texts: fresh random nonces,
 * the lifetime bounds, each draft option set once, and the required parts of a party.
 */
class ConsentRequestSignerTest {

    private static final Set<CitizenField> FIELDS = EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE);

    private final SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
    private final SigningKey key = SigningKey.generate();
    private final ConsentRequestSigner signer = ConsentRequestSigner.builder().partyId("vcb-bank").signingKey(key)
            .audience(ConsentFixtures.ISSUER).clock(clock).build();

    @Test
    void sign_withoutNonce_drawsAFreshRandomNoncePerRequest() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String n = signer.request("bank-ekyc", FIELDS).sign().request().nonce();
            assertThat(n).matches("[A-Za-z0-9_-]{22}");
            nonces.add(n);
        }
        assertThat(nonces).hasSize(20);
    }

    @Test
    void sign_givenNonceAndTtl_carriedIntoTheRequest() {
        ConsentRequestSigner.Signed s = signer.request("bank-ekyc", FIELDS).nonce("n".repeat(16))
                .ttl(Duration.ofSeconds(10)).sign();
        assertThat(s.request().nonce()).isEqualTo("n".repeat(16));
        assertThat(s.request().expiresAt()).isEqualTo(AssertionFixtures.NOW.plusSeconds(10));
        assertThat(s.request().partyId()).isEqualTo("vcb-bank");
        assertThat(s.request().audience()).isEqualTo(ConsentFixtures.ISSUER);
        assertThat(signer.partyId()).isEqualTo("vcb-bank");
        assertThat(signer.toString()).contains("vcb-bank").contains(key.kid()).contains(ConsentFixtures.ISSUER);
    }

    @Test
    void ttl_tenSecondsToTenMinutes() {
        assertThatThrownBy(() -> signer.request("bank-ekyc", FIELDS).ttl(Duration.ofSeconds(9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.request("bank-ekyc", FIELDS).ttl(Duration.ofMinutes(10).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(signer.request("bank-ekyc", FIELDS).ttl(Duration.ofMinutes(10)).sign().request().expiresAt())
                .isEqualTo(AssertionFixtures.NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void draft_eachOptionOnce() {
        ConsentRequestSigner.Draft d = signer.request("bank-ekyc", FIELDS).purposeText("Mở tài khoản")
                .responseUri("https://a.example.vn/cb").nonce("n".repeat(64)).ttl(Duration.ofMinutes(1));
        assertThatThrownBy(() -> d.purposeText("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.responseUri("https://b.example.vn")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.nonce("m".repeat(16))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.ttl(Duration.ofMinutes(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> signer.request("bank-ekyc", FIELDS).responseUri("http://a.example.vn"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.request("bank-ekyc", FIELDS).nonce("n".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void draft_malformedPurposeOrNoFields_refused() {
        assertThatThrownBy(() -> signer.request("Bank EKYC", FIELDS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.request("bank-ekyc", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_eachOptionOnce_requiredOptions_wellFormedValues() {
        ConsentRequestSigner.Builder b = ConsentRequestSigner.builder();
        assertThatThrownBy(() -> b.partyId("Bad Id")).isInstanceOf(IllegalArgumentException.class);
        b.partyId("vcb-bank");
        assertThatThrownBy(() -> b.partyId("vcb-bank")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.signingKey(key);
        assertThatThrownBy(() -> b.signingKey(key)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.audience("has space")).isInstanceOf(IllegalArgumentException.class);
        b.audience(ConsentFixtures.ISSUER);
        assertThatThrownBy(() -> b.audience(ConsentFixtures.ISSUER)).isInstanceOf(IllegalStateException.class);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        assertThat(b.build().partyId()).isEqualTo("vcb-bank");
        assertThatThrownBy(() -> ConsentRequestSigner.builder().signingKey(key).audience("x").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void purposeText_strippedOneTo300Characters_noControlCharacters() {
        assertThat(Purpose.text("t", "  Mở tài khoản  ")).isEqualTo("Mở tài khoản");
        assertThat(Purpose.text("t", "x".repeat(300))).hasSize(300);
        assertThatThrownBy(() -> Purpose.text("t", "x".repeat(301))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Purpose.text("t", "   ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Purpose.text("t", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Purpose.isWellFormedCode("bank-ekyc")).isTrue();
        assertThat(Purpose.isWellFormedCode("-bank")).isFalse();
        assertThat(Purpose.isWellFormedCode(null)).isFalse();
        assertThatThrownBy(() -> Purpose.of("x", "a", "b", Purpose.Kind.values()[0], Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void purpose_valueSemantics() {
        Purpose a = Purpose.of("p1", "Tên", "Name", Purpose.Kind.values()[0], FIELDS);
        assertThat(a).isEqualTo(Purpose.of("p1", "Tên", "Name", Purpose.Kind.values()[0], FIELDS))
                .hasSameHashCodeAs(Purpose.of("p1", "Tên", "Name", Purpose.Kind.values()[0], FIELDS));
        assertThat(a).isNotEqualTo(Purpose.of("p2", "Tên", "Name", Purpose.Kind.values()[0], FIELDS))
                .isNotEqualTo(Purpose.of("p1", "Tên", "Name", Purpose.Kind.values()[0], Set.of(CitizenField.NAME)))
                .isNotEqualTo("p1");
        assertThat(a.toString()).contains("p1");
    }

    @Test
    void relyingParty_everyPartRequired() {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        RelyingParty p = bank.party();
        Purpose ekyc = PurposeCatalogue.standard().find("bank-ekyc").orElseThrow();
        String jwks = "{\"keys\":[" + bank.signingKey().publicJwkJson() + "]}";
        PartyEncryptionKey enc = p.encryptionKey();
        assertThatThrownBy(() -> RelyingParty.builder().legalName("a", "b").contact("c").purpose(ekyc)
                .signingJwks(jwks).encryptionKey(enc).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RelyingParty.builder().id("x").contact("c").purpose(ekyc)
                .signingJwks(jwks).encryptionKey(enc).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RelyingParty.builder().id("x").legalName("a", "b").purpose(ekyc)
                .signingJwks(jwks).encryptionKey(enc).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RelyingParty.builder().id("x").legalName("a", "b").contact("c")
                .signingJwks(jwks).encryptionKey(enc).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RelyingParty.builder().id("x").legalName("a", "b").contact("c").purpose(ekyc)
                .encryptionKey(enc).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RelyingParty.builder().id("x").legalName("a", "b").contact("c").purpose(ekyc)
                .signingJwks(jwks).build()).isInstanceOf(IllegalStateException.class);
        assertThat(RelyingParty.builder().id("x").legalName("a", "b").contact("c").purpose(ekyc)
                .signingJwks(jwks).encryptionKey(enc).build().id()).isEqualTo("x");
    }

    @Test
    void relyingPartyBuilder_eachOptionOnce_purposeOnce_fieldsWithinThePurpose() {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        Purpose ekyc = PurposeCatalogue.standard().find("bank-ekyc").orElseThrow();
        String jwks = "{\"keys\":[" + bank.signingKey().publicJwkJson() + "]}";
        RelyingParty.Builder b = RelyingParty.builder();
        assertThatThrownBy(() -> b.id("Bad Id")).isInstanceOf(IllegalArgumentException.class);
        b.id("x");
        assertThatThrownBy(() -> b.id("y")).isInstanceOf(IllegalStateException.class);
        b.legalName("a", "b");
        assertThatThrownBy(() -> b.legalName("a", "b")).isInstanceOf(IllegalStateException.class);
        b.contact("c");
        assertThatThrownBy(() -> b.contact("c")).isInstanceOf(IllegalStateException.class);
        b.purpose(ekyc, List.of(CitizenField.NAME));
        assertThatThrownBy(() -> b.purpose(ekyc)).isInstanceOf(IllegalStateException.class);
        Purpose other = PurposeCatalogue.standard().find("bhyt-checkin").orElseThrow();
        assertThatThrownBy(() -> b.purpose(other, List.of())).isInstanceOf(IllegalArgumentException.class);
        b.signingJwks(jwks);
        assertThatThrownBy(() -> b.signingJwks(jwks)).isInstanceOf(IllegalStateException.class);
        b.encryptionKey(bank.party().encryptionKey());
        assertThatThrownBy(() -> b.encryptionKey(bank.party().encryptionKey()))
                .isInstanceOf(IllegalStateException.class);
        RelyingParty p = b.build();
        assertThat(p.allowedFields("bank-ekyc")).contains(Set.of(CitizenField.NAME));
        assertThat(p.allowedFields(null)).isEmpty();
        assertThat(p.allowedFields("bhyt-checkin")).isEmpty();
        assertThat(p.toString()).contains("x");
    }

    @Test
    void names_commaSeparatedClaimNames() {
        assertThat(RelyingParty.names(List.of(CitizenField.NAME))).isEqualTo(CitizenField.NAME.claimName());
        assertThat(RelyingParty.names(List.of(CitizenField.NAME, CitizenField.BIRTHDATE)))
                .isEqualTo(CitizenField.NAME.claimName() + ", " + CitizenField.BIRTHDATE.claimName());
    }
}
