package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

class ConsentRequestVerifierTest {

    private static final Set<CitizenField> EKYC_FIELDS = EnumSet.of(CitizenField.PERSONAL_NUMBER,
            CitizenField.NAME, CitizenField.BIRTHDATE, CitizenField.GENDER, CitizenField.PERMANENT_RESIDENCE);

    private SettableClock clock;
    private ConsentFixtures.Party bank;
    private ConsentRequestSigner signer;
    private ConsentRequestVerifier verifier;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        bank = ConsentFixtures.bank();
        signer = signer(bank.party().id(), bank.signingKey());
        verifier = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
    }

    private ConsentRequestSigner signer(String id, SigningKey key) {
        return ConsentRequestSigner.builder().partyId(id).signingKey(key).audience(ConsentFixtures.ISSUER)
                .clock(clock).build();
    }

    private String request() {
        return signer.request("bank-ekyc", EKYC_FIELDS).purposeText("Mở tài khoản thanh toán").sign().compactJws();
    }

    private RequestReason reason(RequestResult r) {
        assertThat(r).isInstanceOf(RequestRejected.class);
        return ((RequestRejected) r).reason();
    }

    /** Re-signs the request's claims after a change, with the party's own key. */
    private String resigned(java.util.function.Consumer<Map<String, Object>> change) {
        ConsentFixtures.Parts p = ConsentFixtures.open(request());
        change.accept(p.claims());
        return ConsentFixtures.signRaw(bank.signingKey(), p.header(), p.claims());
    }

    @Test
    void verify_signedRequest_verifiedWithPartyPurposeAndFields() {
        ConsentRequestSigner.Signed signed = signer.request("bank-ekyc", EKYC_FIELDS)
                .purposeText("Mở tài khoản thanh toán").responseUri("https://ekyc.vcb.example.vn/cb").sign();
        RequestResult r = verifier.verify(signed.compactJws());
        assertThat(r).isInstanceOf(VerifiedRequest.class);
        VerifiedRequest v = (VerifiedRequest) r;
        assertThat(v.party().id()).isEqualTo("vcb-bank");
        assertThat(v.purpose().code()).isEqualTo("bank-ekyc");
        assertThat(v.request().fields()).isEqualTo(EKYC_FIELDS);
        assertThat(v.request().nonce()).isEqualTo(signed.request().nonce()).hasSize(22);
        assertThat(v.request().purposeText()).contains("Mở tài khoản thanh toán");
        assertThat(v.request().responseUri()).contains("https://ekyc.vcb.example.vn/cb");
        assertThat(v.request().expiresAt()).isEqualTo(AssertionFixtures.NOW.plus(ConsentRequestSigner.DEFAULT_TTL));
    }

    @Test
    void resultAccessors_verifiedAndRejected_withoutCasts() {
        RequestResult ok = verifier.verify(request());
        assertThat(ok.verified().party().id()).isEqualTo(bank.party().id());
        assertThatThrownBy(ok::rejected).isInstanceOf(IllegalStateException.class);
        RequestResult bad = verifier.verify("hello");
        assertThat(bad.rejected().reason()).isEqualTo(RequestReason.MALFORMED);
        assertThatThrownBy(bad::verified).isInstanceOf(IllegalStateException.class).hasMessageContaining("MALFORMED");
    }

    @Test
    void signedRequest_headerIsTheCompactQrForm() {
        ConsentFixtures.Parts p = ConsentFixtures.open(request());
        assertThat(p.header()).containsExactly(Map.entry("alg", "ES256"), Map.entry("typ", "vneid-request+jwt"),
                Map.entry("kid", bank.signingKey().kid()), Map.entry("zip", "DEF"));
    }

    @Test
    void verify_unregisteredParty_rejectedUnknownParty() {
        ConsentFixtures.Party stranger = ConsentFixtures.party("momo-wallet", "ewallet-link",
                ConsentFixtures.ecKey());
        String jws = signer("momo-wallet", stranger.signingKey()).request("ewallet-link",
                EnumSet.of(CitizenField.NAME)).sign().compactJws();
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.UNKNOWN_PARTY);
    }

    @Test
    void verify_signedWithAnUnregisteredKey_rejectedUnknownKey() {
        String jws = signer("vcb-bank", SigningKey.generate()).request("bank-ekyc", EKYC_FIELDS).sign()
                .compactJws();
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.UNKNOWN_KEY);
    }

    @Test
    void verify_impostorKeyClaimingThePartysKid_rejectedBadSignature() {
        ConsentFixtures.Parts p = ConsentFixtures.open(request());
        String forged = ConsentFixtures.signRaw(SigningKey.generate(), p.header(), p.claims());
        assertThat(reason(verifier.verify(forged))).isEqualTo(RequestReason.BAD_SIGNATURE);
    }

    @Test
    void verify_payloadChangedAfterSigning_rejectedBadSignature() {
        String jws = request();
        String other = signer.request("bank-ekyc", EnumSet.of(CitizenField.NAME)).sign().compactJws();
        String[] a = jws.split("\\.");
        String[] b = other.split("\\.");
        assertThat(reason(verifier.verify(a[0] + "." + b[1] + "." + a[2]))).isEqualTo(RequestReason.BAD_SIGNATURE);
    }

    @Test
    void verify_expired_rejectedExpired() {
        String jws = request();
        clock.advance(Duration.ofMinutes(7));
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.EXPIRED);
    }

    @Test
    void verify_issuedInTheFuture_rejectedNotYetValid() {
        clock.advance(Duration.ofMinutes(5));
        String jws = request();
        clock.set(AssertionFixtures.NOW);
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.NOT_YET_VALID);
    }

    @Test
    void verify_validForMoreThanTenMinutes_rejectedLifetimeTooLong() {
        String jws = resigned(c -> c.put("exp", ((Number) c.get("iat")).longValue() + 601));
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.LIFETIME_TOO_LONG);
        String ok = resigned(c -> c.put("exp", ((Number) c.get("iat")).longValue() + 600));
        assertThat(verifier.verify(ok)).isInstanceOf(VerifiedRequest.class);
    }

    @Test
    void verify_loweredLifetimeCap_refusesALongerRequest_andCannotBeRaised() {
        ConsentRequestVerifier strict = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).maxLifetime(Duration.ofMinutes(2)).build();
        String fiveMinutes = resigned(c -> c.put("exp", ((Number) c.get("iat")).longValue() + 300));
        assertThat(reason(strict.verify(fiveMinutes))).isEqualTo(RequestReason.LIFETIME_TOO_LONG);
        assertThat(verifier.verify(fiveMinutes)).isInstanceOf(VerifiedRequest.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConsentRequestVerifier.builder()
                .maxLifetime(Duration.ofMinutes(10).plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verify_highSTwinOfTheSignature_rejectedNonCanonical() {
        String jws = request();
        String[] parts = jws.split("\\.");
        byte[] sig = java.util.Base64.getUrlDecoder().decode(parts[2]);
        java.math.BigInteger n = new java.math.BigInteger(
                "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        java.math.BigInteger s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        assertThat(s).isLessThanOrEqualTo(n.shiftRight(1));
        byte[] high = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s));
        System.arraycopy(high, 0, sig, 32, 32);
        String twin = parts[0] + "." + parts[1] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sig);
        assertThat(reason(verifier.verify(twin))).isEqualTo(RequestReason.NON_CANONICAL_SIGNATURE);
        assertThat(verifier.verify(jws)).isInstanceOf(VerifiedRequest.class);
    }

    @Test
    void verify_addressedToAnotherIssuer_rejectedWrongAudience() {
        String jws = resigned(c -> c.put("aud", "https://other-idp.example"));
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.WRONG_AUDIENCE);
    }

    @Test
    void verify_purposeNotInCatalogue_rejectedUnknownPurpose() {
        String jws = signer.request("credit-scoring", EKYC_FIELDS).sign().compactJws();
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.UNKNOWN_PURPOSE);
    }

    @Test
    void verify_purposeTheBankDidNotRegister_rejectedPurposeNotRegistered() {
        String jws = signer.request("passport", EnumSet.of(CitizenField.NAME)).sign().compactJws();
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.PURPOSE_NOT_REGISTERED);
    }

    @Test
    void verify_fieldsOutsideThePurpose_rejectedFieldsNotAllowed() {
        String jws = signer.request("bank-ekyc", EnumSet.of(CitizenField.NAME, CitizenField.RELIGION,
                CitizenField.HEALTH_INSURANCE)).sign().compactJws();
        RequestRejected r = (RequestRejected) verifier.verify(jws);
        assertThat(r.reason()).isEqualTo(RequestReason.FIELDS_NOT_ALLOWED);
        assertThat(r.detail()).contains("religion", "health_insurance").doesNotContain("\"name\"");
    }

    @Test
    void verify_fieldRegisteredForThePurposeButNotByThisParty_rejectedFieldsNotAllowed() {
        ConsentFixtures.Party narrow = ConsentFixtures.party("narrow-bank", "bank-ekyc", ConsentFixtures.ecKey(),
                CitizenField.NAME, CitizenField.BIRTHDATE);
        ConsentRequestVerifier v = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(narrow))
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        String jws = signer("narrow-bank", narrow.signingKey()).request("bank-ekyc",
                EnumSet.of(CitizenField.NAME, CitizenField.PHONE_NUMBER)).sign().compactJws();
        assertThat(reason(v.verify(jws))).isEqualTo(RequestReason.FIELDS_NOT_ALLOWED);
    }

    @Test
    void verify_unknownFieldName_rejectedFieldsNotAllowed() {
        String jws = resigned(c -> c.put("fields", List.of("name", "salary")));
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.FIELDS_NOT_ALLOWED);
    }

    @Test
    void verify_unknownClaimOrRepeatedField_rejectedMalformed() {
        assertThat(reason(verifier.verify(resigned(c -> c.put("scope", "openid"))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(resigned(c -> c.put("fields", List.of("name", "name"))))))
                .isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(resigned(c -> c.remove("nonce"))))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_wrongTyp_rejectedWrongType() {
        ConsentFixtures.Parts p = ConsentFixtures.open(request());
        p.header().put("typ", "vneid-assertion+jwt");
        assertThat(reason(verifier.verify(ConsentFixtures.signRaw(bank.signingKey(), p.header(), p.claims()))))
                .isEqualTo(RequestReason.WRONG_TYPE);
    }

    @Test
    void verify_algNoneOrHs256_rejectedDisallowedAlgorithm() {
        ConsentFixtures.Parts p = ConsentFixtures.open(request());
        for (String alg : List.of("none", "HS256", "ES384")) {
            Map<String, Object> h = new LinkedHashMap<>(p.header());
            h.put("alg", alg);
            String jws = ConsentFixtures.signRaw(bank.signingKey(), h, p.claims());
            assertThat(reason(verifier.verify(jws))).as(alg).isEqualTo(RequestReason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void verify_critHeader_rejectedUnsupportedCriticalHeader() {
        ConsentFixtures.Parts p = ConsentFixtures.open(request());
        p.header().put("crit", List.of("exp"));
        assertThat(reason(verifier.verify(ConsentFixtures.signRaw(bank.signingKey(), p.header(), p.claims()))))
                .isEqualTo(RequestReason.UNSUPPORTED_CRITICAL_HEADER);
    }

    @Test
    void verify_garbageEmptyNullOversized_rejectedWithoutException() {
        assertThat(reason(verifier.verify(null))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(""))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify("a.b.c"))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify("x".repeat(9000)))).isEqualTo(RequestReason.TOO_LARGE);
    }

    @Test
    void verify_deflateBomb_rejectedTooLargeBeforeTheSignature() {
        ConsentFixtures.Parts p = ConsentFixtures.open(request());
        Map<String, Object> claims = new LinkedHashMap<>(p.claims());
        claims.put("purpose_text", "a".repeat(200_000));
        String jws = ConsentFixtures.signRaw(bank.signingKey(), p.header(), claims);
        assertThat(RawDeflate.deflate(new byte[200_000]).length).isLessThan(1000);
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.TOO_LARGE);
    }

    @Test
    void verify_registryThrows_rejectedCheckUnavailable() {
        RelyingPartyRegistry broken = new RelyingPartyRegistry() {
            @Override
            public java.util.Optional<RelyingParty> find(String partyId) {
                throw new IllegalStateException("database down");
            }

            @Override
            public PurposeCatalogue catalogue() {
                return PurposeCatalogue.standard();
            }
        };
        ConsentRequestVerifier v = ConsentRequestVerifier.builder().registry(broken).audience(ConsentFixtures.ISSUER)
                .clock(clock).build();
        assertThat(reason(v.verify(request()))).isEqualTo(RequestReason.CHECK_UNAVAILABLE);
    }

    @Test
    void signer_ttlOverTenMinutes_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signer.request("bank-ekyc", EKYC_FIELDS)
                .ttl(Duration.ofMinutes(11))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signer.request("bank-ekyc", EKYC_FIELDS)
                .nonce("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasons_haveVietnameseAndEnglishMessages() {
        for (RequestReason r : RequestReason.values()) {
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
            assertThat(r.english()).isNotBlank();
        }
    }
}
