package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/**
 * The exact edges of each stage of {@link ConsentRequestVerifier}: one second, one character or one member either
 * side of every limit, and the header/claim shapes refused before anything is shown to the citizen.
 */
class ConsentRequestVerifierBoundaryTest {

    private static final Set<CitizenField> EKYC_FIELDS = EnumSet.of(CitizenField.PERSONAL_NUMBER,
            CitizenField.NAME, CitizenField.BIRTHDATE, CitizenField.GENDER, CitizenField.PERMANENT_RESIDENCE);
    private static final Duration SKEW = Duration.ofSeconds(60);

    private SettableClock clock;
    private ConsentFixtures.Party bank;
    private ConsentRequestVerifier verifier;
    private String request;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        bank = ConsentFixtures.bank();
        verifier = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).clockSkew(SKEW).build();
        request = ConsentRequestSigner.builder().partyId(bank.party().id()).signingKey(bank.signingKey())
                .audience(ConsentFixtures.ISSUER).clock(clock).build()
                .request("bank-ekyc", EKYC_FIELDS).sign().compactJws();
    }

    private static RequestReason reason(RequestResult r) {
        assertThat(r).isInstanceOf(RequestRejected.class);
        return ((RequestRejected) r).reason();
    }

    private String resigned(Consumer<Map<String, Object>> header, Consumer<Map<String, Object>> claims) {
        ConsentFixtures.Parts p = ConsentFixtures.open(request);
        header.accept(p.header());
        claims.accept(p.claims());
        return ConsentFixtures.signRaw(bank.signingKey(), p.header(), p.claims());
    }

    private String claims(Consumer<Map<String, Object>> claims) {
        return resigned(h -> { }, claims);
    }

    private String header(Consumer<Map<String, Object>> header) {
        return resigned(header, c -> { });
    }

    private static long now() {
        return AssertionFixtures.NOW.getEpochSecond();
    }

    @Test
    void verify_lifetimeExactlyTenMinutes_accepted_oneSecondMore_rejectedLifetimeTooLong() {
        String tenMinutes = claims(c -> {
            c.put("iat", now());
            c.put("exp", now() + 600);
        });
        assertThat(verifier.verify(tenMinutes)).isInstanceOf(VerifiedRequest.class);
        String longer = claims(c -> {
            c.put("iat", now());
            c.put("exp", now() + 601);
        });
        assertThat(reason(verifier.verify(longer))).isEqualTo(RequestReason.LIFETIME_TOO_LONG);
    }

    @Test
    void verify_atExpiryPlusSkew_rejectedExpired_oneSecondBefore_accepted() {
        Instant exp = AssertionFixtures.NOW.plus(ConsentRequestSigner.DEFAULT_TTL);
        clock.set(exp.plus(SKEW).minusSeconds(1));
        assertThat(verifier.verify(request)).isInstanceOf(VerifiedRequest.class);
        clock.set(exp.plus(SKEW));
        assertThat(reason(verifier.verify(request))).isEqualTo(RequestReason.EXPIRED);
    }

    @Test
    void verify_issuedExactlySkewAhead_accepted_oneSecondFurther_rejectedNotYetValid() {
        clock.set(AssertionFixtures.NOW.minus(SKEW));
        assertThat(verifier.verify(request)).isInstanceOf(VerifiedRequest.class);
        clock.set(AssertionFixtures.NOW.minus(SKEW).minusSeconds(1));
        assertThat(reason(verifier.verify(request))).isEqualTo(RequestReason.NOT_YET_VALID);
    }

    @Test
    void verify_expNotAfterIatOrNegativeIatOrExpPastYear9999_rejectedMalformed() {
        assertThat(reason(verifier.verify(claims(c -> c.put("exp", now()))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> c.put("exp", now() - 1))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> {
            c.put("iat", -1L);
            c.put("exp", 100L);
        })))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> {
            c.put("iat", 253402300000L);
            c.put("exp", 253402300800L);
        })))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_iatZero_isAValidTime_soTheVerdictIsAboutLifetimeNotFormat() {
        String epoch = claims(c -> {
            c.put("iat", 0L);
            c.put("exp", 300L);
        });
        assertThat(reason(verifier.verify(epoch))).isEqualTo(RequestReason.EXPIRED);
    }

    @Test
    void verify_lastSecondOfYear9999_isAValidExp() {
        String far = claims(c -> {
            c.put("iat", 253402300799L - 300);
            c.put("exp", 253402300799L);
        });
        assertThat(reason(verifier.verify(far))).isEqualTo(RequestReason.NOT_YET_VALID);
    }

    @Test
    void verify_compactOfExactlyMaxChars_isNotTooLarge_oneMore_is() {
        String exactly = "x".repeat(ConsentRequestVerifier.MAX_COMPACT_CHARS);
        RequestRejected r = (RequestRejected) verifier.verify(exactly);
        assertThat(r.reason()).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(exactly + "x"))).isEqualTo(RequestReason.TOO_LARGE);
    }

    @Test
    void verify_wrongNumberOfPartsOrEmptyHeader_rejectedMalformed() {
        String[] p = request.split("\\.");
        assertThat(reason(verifier.verify(p[0] + "." + p[1]))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(request + ".x"))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify("." + p[1] + "." + p[2]))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(p[0] + ".*." + p[2]))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(p[0] + "." + p[1] + ".*"))).isEqualTo(RequestReason.MALFORMED);
        String notJson = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not json".getBytes(StandardCharsets.US_ASCII));
        assertThat(reason(verifier.verify(notJson + "." + p[1] + "." + p[2]))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_headerMemberNotAString_rejectedMalformed() {
        for (String member : List.of("alg", "kid", "typ", "zip")) {
            String jws = header(h -> h.put(member, 7));
            RequestRejected r = (RequestRejected) verifier.verify(jws);
            assertThat(r.reason()).as(member).isEqualTo(RequestReason.MALFORMED);
            assertThat(r.detail()).as(member).contains(member);
        }
    }

    @Test
    void verify_noAlgOrB64Header_rejectedMalformed() {
        assertThat(reason(verifier.verify(header(h -> h.remove("alg"))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(header(h -> h.put("b64", false))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(header(h -> h.put("b64", true))))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_noKid_rejectedUnknownKey() {
        assertThat(reason(verifier.verify(header(h -> h.remove("kid"))))).isEqualTo(RequestReason.UNKNOWN_KEY);
    }

    @Test
    void verify_uncompressedPayload_accepted_unknownZip_rejectedMalformed() {
        assertThat(verifier.verify(header(h -> h.remove("zip")))).isInstanceOf(VerifiedRequest.class);
        assertThat(reason(verifier.verify(header(h -> h.put("zip", "GZIP"))))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_deflatedGarbage_rejectedMalformed() {
        String[] p = header(h -> { }).split("\\.");
        String garbage = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff, 1, 2, 3});
        assertThat(reason(verifier.verify(p[0] + "." + garbage + "." + p[2]))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_payloadNotJsonOrIssMissingOrNotAString_rejectedMalformed() {
        ConsentFixtures.Parts p = ConsentFixtures.open(request);
        p.header().remove("zip");
        String h = Base64.getUrlEncoder().withoutPadding().encodeToString(StrictJson.write(p.header()));
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[1,2]".getBytes(StandardCharsets.US_ASCII));
        assertThat(reason(verifier.verify(h + "." + payload + ".AAAA"))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> c.remove("iss"))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> c.put("iss", 42))))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_purposeTextNotAStringOrPurposeNotACode_rejectedMalformed() {
        assertThat(reason(verifier.verify(claims(c -> c.put("purpose_text", 1))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> c.put("purpose", 1))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> c.put("purpose", "Bank EKYC!")))))
                .isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_purposeTextAndResponseUri_carriedIntoTheVerifiedRequest() {
        String jws = claims(c -> {
            c.put("purpose_text", "Mở tài khoản");
            c.put("response_uri", "https://ekyc.vcb.example.vn/cb");
        });
        VerifiedRequest v = (VerifiedRequest) verifier.verify(jws);
        assertThat(v.request().purposeText()).contains("Mở tài khoản");
        assertThat(v.request().responseUri()).contains("https://ekyc.vcb.example.vn/cb");
        assertThat(v.request().audience()).isEqualTo(ConsentFixtures.ISSUER);
        assertThat(v.request().issuedAt()).isEqualTo(AssertionFixtures.NOW);
        VerifiedRequest plain = (VerifiedRequest) verifier.verify(request);
        assertThat(plain.request().purposeText()).isEmpty();
        assertThat(plain.request().responseUri()).isEmpty();
    }

    @Test
    void verify_responseUriNotHttps_rejectedMalformed() {
        assertThat(reason(verifier.verify(claims(c -> c.put("response_uri", "http://ekyc.vcb.example.vn/cb")))))
                .isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void verify_fieldsEmptyNotAListOrBadNames_rejectedMalformed() {
        List<Object> bad = new ArrayList<>();
        bad.add(List.of());
        bad.add("name");
        bad.add(List.of(3));
        bad.add(List.of(""));
        bad.add(List.of("n".repeat(65)));
        List<String> tooMany = new ArrayList<>();
        for (CitizenField f : CitizenField.values()) {
            tooMany.add(f.claimName());
        }
        tooMany.add("extra");
        bad.add(tooMany);
        for (Object fields : bad) {
            assertThat(reason(verifier.verify(claims(c -> c.put("fields", fields))))).as("%s", fields)
                    .isEqualTo(RequestReason.MALFORMED);
        }
    }

    @Test
    void verify_everyFieldNamedOnce_isWellFormedButNotAllRegistered() {
        List<String> every = new ArrayList<>();
        for (CitizenField f : CitizenField.values()) {
            every.add(f.claimName());
        }
        assertThat(reason(verifier.verify(claims(c -> c.put("fields", every)))))
                .isEqualTo(RequestReason.FIELDS_NOT_ALLOWED);
    }

    @Test
    void verify_fieldNameOfExactly64Characters_isWellFormedButNotAllowed() {
        String jws = claims(c -> c.put("fields", List.of("n".repeat(64))));
        assertThat(reason(verifier.verify(jws))).isEqualTo(RequestReason.FIELDS_NOT_ALLOWED);
    }

    @Test
    void verify_everyFieldOfThePurpose_verifiedWithAllOfThem() {
        List<String> all = new ArrayList<>();
        for (CitizenField f : EKYC_FIELDS) {
            all.add(f.claimName());
        }
        Collections.reverse(all);
        VerifiedRequest v = (VerifiedRequest) verifier.verify(claims(c -> c.put("fields", all)));
        assertThat(v.request().fields()).isEqualTo(EKYC_FIELDS);
    }

    @Test
    void verify_nonceOrAudienceMalformed_rejectedMalformed() {
        assertThat(reason(verifier.verify(claims(c -> c.put("nonce", "short"))))).isEqualTo(RequestReason.MALFORMED);
        assertThat(reason(verifier.verify(claims(c -> c.put("aud", 5))))).isEqualTo(RequestReason.MALFORMED);
    }

    @Test
    void rejection_detailNamesTheAttackerValuePrintably() {
        String jws = claims(c -> c.put("iss", "evil\nparty"));
        RequestRejected r = (RequestRejected) verifier.verify(jws);
        assertThat(r.reason()).isEqualTo(RequestReason.UNKNOWN_PARTY);
        assertThat(r.detail()).contains("\"evil?party\"");
    }

    @Test
    void builder_eachOptionOnce_skewWithinZeroToTwoMinutes_registryAndAudienceRequired() {
        ConsentRequestVerifier.Builder b = ConsentRequestVerifier.builder();
        b.registry(ConsentFixtures.registry(bank));
        assertThatThrownBy(() -> b.registry(ConsentFixtures.registry(bank))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.audience("")).isInstanceOf(IllegalArgumentException.class);
        b.audience(ConsentFixtures.ISSUER);
        assertThatThrownBy(() -> b.audience("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.clockSkew(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.clockSkew(ConsentRequestVerifier.MAX_CLOCK_SKEW.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        b.clockSkew(ConsentRequestVerifier.MAX_CLOCK_SKEW);
        assertThatThrownBy(() -> b.clockSkew(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        assertThat(b.build().toString()).contains(ConsentFixtures.ISSUER).contains("PT2M");
        assertThatThrownBy(() -> ConsentRequestVerifier.builder().audience(ConsentFixtures.ISSUER).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verify_zeroSkew_expiresExactlyAtExp() {
        ConsentRequestVerifier strict = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).clockSkew(Duration.ZERO).build();
        Instant exp = AssertionFixtures.NOW.plus(ConsentRequestSigner.DEFAULT_TTL);
        clock.set(exp.minusSeconds(1));
        assertThat(strict.verify(request)).isInstanceOf(VerifiedRequest.class);
        clock.set(exp);
        assertThat(reason(strict.verify(request))).isEqualTo(RequestReason.EXPIRED);
    }

    @Test
    void verify_defaultSkewIsSixtySeconds() {
        ConsentRequestVerifier defaults = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        Instant exp = AssertionFixtures.NOW.plus(ConsentRequestSigner.DEFAULT_TTL);
        clock.set(exp.plusSeconds(59));
        assertThat(defaults.verify(request)).isInstanceOf(VerifiedRequest.class);
        clock.set(exp.plusSeconds(60));
        assertThat(reason(defaults.verify(request))).isEqualTo(RequestReason.EXPIRED);
    }
}
