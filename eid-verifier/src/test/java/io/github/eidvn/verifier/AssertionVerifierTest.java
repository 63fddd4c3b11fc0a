package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.testing.AssertionFixtures;

class AssertionVerifierTest extends HospitalVerifierFixture {

    private static Rejected rejected(VerificationResult r) {
        assertThat(r).isInstanceOf(Rejected.class);
        return (Rejected) r;
    }

    private static Assertion verified(VerificationResult r) {
        assertThat(r).as("%s", r).isInstanceOf(Verified.class);
        return ((Verified) r).assertion();
    }

    @Test
    void verify_standardJwt_verifiedWithStandardClaims() {
        Assertion a = verified(hospital().anyLevel().build().verify(issuer.issueJwt(AssertionFixtures.hospitalRequest())));
        assertThat(a.issuer()).isEqualTo(AssertionFixtures.ISSUER);
        assertThat(a.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(a.methods()).containsExactly("face");
        assertThat(a.claims()).isEqualTo(AssertionFixtures.hospitalClaims());
        assertThat(a.personalNumber()).contains("079303012345");
        assertThat(a.audience()).containsExactly("79024");
        assertThat(a.purpose()).contains("bhyt-checkin");
        assertThat(a.kid()).isEqualTo(ring.current().kid());
        assertThat(a.issuedAt()).isEqualTo(AssertionFixtures.NOW);
        assertThat(a.expiresAt()).contains(AssertionFixtures.NOW.plusSeconds(600));
    }

    @Test
    void resultAccessors_verifiedAndRejected_withoutCasts() {
        AssertionVerifier v = hospital().anyLevel().build();
        VerificationResult ok = v.verify(issuer.issueJwt(AssertionFixtures.hospitalRequest()));
        assertThat(ok.verified().assertion().issuer()).isEqualTo(AssertionFixtures.ISSUER);
        assertThatThrownBy(ok::rejected).isInstanceOf(IllegalStateException.class);
        VerificationResult bad = v.verify("hello");
        assertThat(bad.rejected().reason()).isEqualTo(Reason.MALFORMED);
        assertThatThrownBy(bad::verified).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MALFORMED");
    }

    @Test
    void verify_qrForm_givesTheSameAssertionAsTheJwtForm() {
        AssertionVerifier v = hospital().anyLevel().build();
        Assertion fromQr = verified(v.verify(issuer.issueForQr(AssertionFixtures.hospitalRequest())));
        Assertion fromJwt = verified(v.verify(issuer.issueJwt(AssertionFixtures.hospitalRequest())));
        assertThat(fromQr.kid()).isEqualTo(ring.current().kid());
        assertThat(fromQr.jti()).isNotEqualTo(fromJwt.jti());
        Assertion jwtWithQrJti = Assertion.builder().issuer(fromJwt.issuer()).claims(fromJwt.claims())
                .level(fromJwt.level()).methods(fromJwt.methods()).evidence(fromJwt.evidence()).jti(fromQr.jti())
                .issuedAt(fromJwt.issuedAt()).expiresAt(fromJwt.expiresAt().orElseThrow())
                .audience(fromJwt.audience()).purpose(fromJwt.purpose().orElseThrow()).kid(fromJwt.kid()).build();
        assertThat(fromQr).isEqualTo(jwtWithQrJti);
    }

    @Test
    void verify_nullEmptyOrGarbage_rejectedAsMalformed() {
        AssertionVerifier v = hospital().anyLevel().build();
        assertThat(rejected(v.verify(null)).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify("")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify("hello")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify("a.b.c.d")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify("e30.e30.")).reason()).isEqualTo(Reason.MALFORMED); // {} has no alg
        assertThat(rejected(v.verify("!!!.e30.AA")).reason()).isEqualTo(Reason.MALFORMED);
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        assertThat(rejected(v.verify(jwt + "\n")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(" " + jwt)).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verify_expired_rejectedWithExpired() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        Rejected r = rejected(hospitalAt(AssertionFixtures.NOW.plus(Duration.ofHours(1))).anyLevel().build().verify(jwt));
        assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void verify_skewBoundary_expiry() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        Instant exp = AssertionFixtures.NOW.plusSeconds(600);
        Duration skew = Duration.ofSeconds(30);
        AssertionVerifier justInside = hospitalAt(exp.plus(skew).minusMillis(1)).clockSkew(skew).anyLevel().build();
        AssertionVerifier atLimit = hospitalAt(exp.plus(skew)).clockSkew(skew).anyLevel().build();
        AssertionVerifier noSkewAtExp = hospitalAt(exp).clockSkew(Duration.ZERO).anyLevel().build();
        verified(justInside.verify(jwt));
        assertThat(rejected(atLimit.verify(jwt)).reason()).isEqualTo(Reason.EXPIRED);
        assertThat(rejected(noSkewAtExp.verify(jwt)).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void verify_issuedInTheFuture_notYetValid_withSkewBoundary() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        Duration skew = Duration.ofSeconds(60);
        Instant iat = AssertionFixtures.NOW;
        verified(hospitalAt(iat.minus(skew)).clockSkew(skew).anyLevel().build().verify(jwt));
        Rejected r = rejected(hospitalAt(iat.minus(skew).minusSeconds(1)).clockSkew(skew).anyLevel().build().verify(jwt));
        assertThat(r.reason()).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void verify_nbfInTheFuture_notYetValid() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        Map<String, Object> claims = Tokens.payload(jwt);
        claims.put("nbf", AssertionFixtures.NOW.getEpochSecond() + 300);
        String later = Tokens.sign(ring.current(), Tokens.header(jwt), claims);
        assertThat(rejected(hospital().anyLevel().build().verify(later)).reason()).isEqualTo(Reason.NOT_YET_VALID);
        verified(hospitalAt(AssertionFixtures.NOW.plusSeconds(300)).anyLevel().build().verify(later));
    }

    @Test
    void verify_missingExp_malformedUnlessWithoutExpiration() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        Map<String, Object> claims = Tokens.payload(jwt);
        claims.remove("exp");
        String noExp = Tokens.sign(ring.current(), Tokens.header(jwt), claims);
        Rejected r = rejected(hospital().anyLevel().build().verify(noExp));
        assertThat(r.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(r.detail()).contains("exp");
        Assertion a = verified(hospital().withoutExpiration().maxAge(Duration.ofMinutes(5)).anyLevel().build().verify(noExp));
        assertThat(a.expiresAt()).isEmpty();
        verified(hospital().withoutExpiration().withoutReplayGuard().anyLevel().build().verify(noExp));
    }

    @Test
    void verify_olderThanMaxAge_expired() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        AssertionVerifier v = hospitalAt(AssertionFixtures.NOW.plusSeconds(200)).maxAge(Duration.ofSeconds(120))
                .clockSkew(Duration.ofSeconds(10)).anyLevel().build();
        assertThat(rejected(v.verify(jwt)).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void verify_wrongAudience_rejected() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        AssertionVerifier other = AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock())
                .expectedAudience("01001").expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(rejected(other.verify(jwt)).reason()).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void verify_audiencePresentButNoneExpected_rejected() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        AssertionVerifier v = AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock())
                .expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(rejected(v.verify(jwt)).reason()).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void verify_audienceExpectedButAbsent_rejected() {
        AssertionRequest noAud = AssertionRequest.builder().level(AssuranceLevel.LEVEL_2).methods("face")
                .claims(AssertionFixtures.hospitalClaims()).purpose("bhyt-checkin").build();
        assertThat(rejected(hospital().anyLevel().build().verify(issuer.issueJwt(noAud))).reason())
                .isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void verify_purposePresentButNoneExpectedOrDifferent_rejected() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        AssertionVerifier none = AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").anyLevel().build();
        AssertionVerifier other = AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("ekyc").anyLevel().build();
        assertThat(rejected(none.verify(jwt)).reason()).isEqualTo(Reason.WRONG_PURPOSE);
        assertThat(rejected(other.verify(jwt)).reason()).isEqualTo(Reason.WRONG_PURPOSE);
    }

    @Test
    void verify_noAudienceNoPurpose_verifiedByAPlainVerifier() {
        AssertionRequest plain = AssertionRequest.builder().level(AssuranceLevel.LEVEL_1).methods("pwd")
                .claims(Map.of("name", "Lê Thị C")).build();
        AssertionVerifier v = AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock()).anyLevel().build();
        assertThat(verified(v.verify(issuer.issueForQr(plain))).name()).contains("Lê Thị C");
    }

    @Test
    void verify_replayedJti_rejectedWithReplayed() {
        AssertionVerifier v = hospital().anyLevel().build();
        String qr = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        verified(v.verify(qr));
        assertThat(rejected(v.verify(qr)).reason()).isEqualTo(Reason.REPLAYED);
        verified(v.verify(issuer.issueForQr(AssertionFixtures.hospitalRequest())));
    }

    @Test
    void verify_withoutReplayGuard_sameTokenVerifiesTwice() {
        AssertionVerifier v = hospital().withoutReplayGuard().anyLevel().build();
        String qr = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        verified(v.verify(qr));
        verified(v.verify(qr));
    }

    @Test
    void verify_replayGuardFull_failsClosed() {
        AssertionVerifier v = hospital().replayGuard(InMemoryReplayGuard.withCapacity(1)).anyLevel().build();
        verified(v.verify(issuer.issueForQr(AssertionFixtures.hospitalRequest())));
        Rejected r = rejected(v.verify(issuer.issueForQr(AssertionFixtures.hospitalRequest())));
        assertThat(r.reason()).isEqualTo(Reason.CHECK_UNAVAILABLE);
    }

    @Test
    void verify_level1WhenLevel2Required_insufficientLevel() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest(AssuranceLevel.LEVEL_1));
        verified(hospital().anyLevel().build().verify(jwt));
        Rejected r = rejected(hospital().requiredLevel(AssuranceLevel.LEVEL_2).build().verify(jwt));
        assertThat(r.reason()).isEqualTo(Reason.INSUFFICIENT_LEVEL);
        verified(hospital().requiredLevel(AssuranceLevel.LEVEL_2).build()
                .verify(issuer.issueJwt(AssertionFixtures.hospitalRequest(AssuranceLevel.LEVEL_2))));
    }

    @Test
    void verify_revocationCheck_revokedUnknownAndFailing() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        AtomicInteger calls = new AtomicInteger();
        verified(hospital().revocationCheck(a -> {
            calls.incrementAndGet();
            return RevocationStatus.NOT_REVOKED;
        }).anyLevel().build().verify(jwt));
        assertThat(calls).hasValue(1);
        assertThat(rejected(hospital().revocationCheck(a -> RevocationStatus.REVOKED).anyLevel().build().verify(jwt)).reason())
                .isEqualTo(Reason.REVOKED);
        assertThat(rejected(hospital().revocationCheck(a -> RevocationStatus.UNKNOWN).anyLevel().build().verify(jwt)).reason())
                .isEqualTo(Reason.CHECK_UNAVAILABLE);
        assertThat(rejected(hospital().revocationCheck(a -> null).anyLevel().build().verify(jwt)).reason())
                .isEqualTo(Reason.CHECK_UNAVAILABLE);
        assertThat(rejected(hospital().revocationCheck(a -> {
            throw new IllegalStateException("list down");
        }).anyLevel().build().verify(jwt)).reason()).isEqualTo(Reason.CHECK_UNAVAILABLE);
    }

    @Test
    void verify_allStagesRunForAVerifiedToken() {
        AssertionVerifier v = hospital().anyLevel().build();
        AssertionVerifier.Context c = new AssertionVerifier.Context(
                issuer.issueJwt(AssertionFixtures.hospitalRequest()), AssertionFixtures.NOW);
        assertThat(v.run(c, Stage.FORMAT, Stage.POLICY)).isNull();
        assertThat(c.passed).isEqualTo(EnumSet.allOf(Stage.class));
    }

    @Test
    void builder_clockSkewCappedAtTwoMinutes() {
        AssertionVerifier.builder().clockSkew(Duration.ofMinutes(2));
        assertThatThrownBy(() -> AssertionVerifier.builder().clockSkew(Duration.ofMinutes(2).plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssertionVerifier.builder().clockSkew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_setTwiceOrConflicting_throwsIllegalState() {
        assertThatThrownBy(() -> AssertionVerifier.builder().trustStore(trust).trustStore(trust))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionVerifier.builder().anyLevel().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionVerifier.builder().trustStore(trust).withoutReplayGuard()
                .replayGuard(InMemoryReplayGuard.withCapacity(5)).anyLevel().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionVerifier.builder().trustStore(trust).withoutExpiration().anyLevel().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxAge");
        assertThatThrownBy(() -> AssertionVerifier.builder().withoutExpiration().withoutExpiration())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reasons_haveVietnameseAndEnglishMessages() {
        for (Reason r : Reason.values()) {
            assertThat(r.vietnamese()).isNotBlank();
            assertThat(r.english()).isNotBlank();
            assertThat(r.vietnamese()).isNotEqualTo(r.english());
        }
        assertThat(Reason.EXPIRED.vietnamese()).contains("hết hạn");
    }

    @Test
    void rejectionDetails_neverContainPersonalData() {
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        for (AssertionVerifier v : new AssertionVerifier[] {
                hospitalAt(AssertionFixtures.NOW.plus(Duration.ofDays(1))).anyLevel().build(),
                AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock()).anyLevel().build()}) {
            Rejected r = rejected(v.verify(jwt));
            assertThat(r.detail()).doesNotContain("079303012345").doesNotContain("Nguyễn");
        }
    }

    @Test
    void verifiedToString_hasNoPersonalData() {
        VerificationResult r = hospital().anyLevel().build().verify(issuer.issueJwt(AssertionFixtures.hospitalRequest()));
        assertThat(r.toString()).doesNotContain("079303012345").doesNotContain("HS4790120878811");
    }
}
