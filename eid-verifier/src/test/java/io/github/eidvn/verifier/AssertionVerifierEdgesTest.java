package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.testing.AssertionFixtures;

/**
 * The edges of the verifier pipeline: header shapes refused at the format stage, the size limits of a compact JWS
 * and of a scanned text, the reason for each kind of scanned content, a token without jti under a replay guard,
 * printable details of attacker-chosen values, and the configure-once builder.
 */
class AssertionVerifierEdgesTest extends HospitalVerifierFixture {

    private static Rejected rejected(VerificationResult r) {
        assertThat(r).isInstanceOf(Rejected.class);
        return (Rejected) r;
    }

    private String jwt() {
        return issuer.issueJwt(AssertionFixtures.hospitalRequest());
    }

    private String resigned(java.util.function.Consumer<Map<String, Object>> header,
            java.util.function.Consumer<Map<String, Object>> claims) {
        String jws = jwt();
        Map<String, Object> h = Tokens.header(jws);
        Map<String, Object> c = Tokens.payload(jws);
        header.accept(h);
        claims.accept(c);
        return Tokens.sign(ring.current(), h, c);
    }

    @Test
    void format_headerMemberNotAString_orB64_orNoAlg_malformed() {
        AssertionVerifier v = hospital().anyLevel().build();
        for (String member : List.of("kid", "typ", "zip")) {
            Rejected r = rejected(v.verify(resigned(h -> h.put(member, 5), c -> { })));
            assertThat(r.reason()).as(member).isEqualTo(Reason.MALFORMED);
            assertThat(r.detail()).contains(member);
        }
        assertThat(rejected(v.verify(resigned(h -> h.put("b64", false), c -> { }))).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(resigned(h -> h.put("alg", 256), c -> { }))).reason())
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void format_partsCountEmptyHeaderAndBadBase64_malformed() {
        AssertionVerifier v = hospital().anyLevel().build();
        String[] p = jwt().split("\\.");
        assertThat(rejected(v.verify(p[0] + "." + p[1])).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(p[0] + p[1] + p[2])).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify("." + p[1] + "." + p[2])).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(p[0] + ".*." + p[2])).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(p[0] + "." + p[1] + ".*")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(p[0] + "." + p[1] + "." + p[2] + ".")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(".." + p[2])).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void format_compactOfExactlyMaxChars_notTooLarge_oneMore_tooLarge() {
        AssertionVerifier v = hospital().anyLevel().build();
        String exactly = "e30." + "A".repeat(AssertionVerifier.MAX_COMPACT_CHARS - 6) + ".A";
        assertThat(exactly).hasSize(AssertionVerifier.MAX_COMPACT_CHARS);
        assertThat(rejected(v.verify(exactly)).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verify(exactly + "A")).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void size_unknownZip_malformed_uncompressedPayloadAccepted() {
        AssertionVerifier v = hospital().withoutReplayGuard().anyLevel().build();
        assertThat(rejected(v.verify(resigned(h -> h.put("zip", "GZIP"), c -> { }))).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(v.verify(resigned(h -> h.remove("zip"), c -> { }))).isInstanceOf(Verified.class);
        String deflated = resigned(h -> h.put("zip", "DEF"), c -> { });
        String garbage = Tokens.withPart(deflated, 1, Tokens.b64(new byte[] {(byte) 0xff, 0, 1}));
        assertThat(rejected(v.verify(garbage)).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void tokenWithoutJti_malformedWithOrWithoutAReplayGuard() {
        String noJti = resigned(h -> { }, c -> c.remove("jti"));
        assertThat(rejected(hospital().anyLevel().build().verify(noJti)).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(hospital().withoutReplayGuard().anyLevel().build().verify(noJti)).reason())
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verifyScanned_emptyNullOversized_andLegacyChipCard() {
        AssertionVerifier v = hospital().anyLevel().build();
        assertThat(rejected(v.verifyScanned((String) null)).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(rejected(v.verifyScanned("")).reason()).isEqualTo(Reason.MALFORMED);
        String max = "1".repeat(io.github.eidvn.qr.SignedQrText.MAX_TEXT_LENGTH);
        assertThat(rejected(v.verifyScanned(max)).reason()).isNotEqualTo(Reason.CHECK_UNAVAILABLE);
        assertThat(rejected(v.verifyScanned(max + "1")).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(rejected(v.verifyScanned("079303012345|123456789|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021"))
                .reason()).isEqualTo(Reason.UNSIGNED_LEGACY);
        assertThat(rejected(v.verifyScanned("no format at all")).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(v.verifyScanned(jwt())).isInstanceOf(Verified.class);
    }

    @Test
    void rejectionDetail_showsAttackerKidPrintablyAndCut() {
        AssertionVerifier v = hospital().anyLevel().build();
        Rejected r = rejected(v.verify(resigned(h -> h.put("kid", "k\u0001" + "x".repeat(70)), c -> { })));
        assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(r.detail()).contains("\"k?" + "x".repeat(62) + "...\"");
        Rejected exact = rejected(v.verify(resigned(h -> h.put("kid", "y".repeat(64)), c -> { })));
        assertThat(exact.detail()).contains("\"" + "y".repeat(64) + "\"").doesNotContain("...");
        Rejected tilde = rejected(v.verify(resigned(h -> h.put("kid", " ~\u007f"), c -> { })));
        assertThat(tilde.detail()).contains("\" ~?\"");
        Rejected none = rejected(v.verify(resigned(h -> h.remove("kid"), c -> { })));
        assertThat(none.reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void builder_eachOptionOnce_andBounded() {
        AssertionVerifier.Builder b = AssertionVerifier.builder().trustStore(trust);
        b.clock(AssertionFixtures.clock());
        assertThatThrownBy(() -> b.clock(AssertionFixtures.clock())).isInstanceOf(IllegalStateException.class);
        b.clockSkew(Duration.ZERO);
        assertThatThrownBy(() -> b.clockSkew(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxAge(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        b.maxAge(Duration.ofMinutes(5));
        assertThatThrownBy(() -> b.maxAge(Duration.ofMinutes(5))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.expectedAudience("")).isInstanceOf(IllegalArgumentException.class);
        b.expectedAudience("79024");
        assertThatThrownBy(() -> b.expectedAudience("79024")).isInstanceOf(IllegalStateException.class);
        b.expectedPurpose("bhyt-checkin");
        assertThatThrownBy(() -> b.expectedPurpose("bhyt-checkin")).isInstanceOf(IllegalStateException.class);
        b.replayGuard(InMemoryReplayGuard.withCapacity(10));
        assertThatThrownBy(() -> b.replayGuard(InMemoryReplayGuard.withCapacity(10)))
                .isInstanceOf(IllegalStateException.class);
        b.revocationCheck(a -> RevocationStatus.NOT_REVOKED);
        assertThatThrownBy(() -> b.revocationCheck(a -> RevocationStatus.NOT_REVOKED))
                .isInstanceOf(IllegalStateException.class);
        b.requiredLevel(AssuranceLevel.LEVEL_2);
        assertThatThrownBy(() -> b.requiredLevel(AssuranceLevel.LEVEL_1)).isInstanceOf(IllegalStateException.class);
        AssertionVerifier v = b.build();
        assertThat(v.toString()).contains("skew=PT0S").contains("maxAge=PT5M").contains("aud=79024")
                .contains("purpose=bhyt-checkin").contains("revocation=true").contains("level=LEVEL_2");
        AssertionVerifier.Builder w = AssertionVerifier.builder().trustStore(trust).withoutReplayGuard().anyLevel();
        assertThatThrownBy(w::withoutReplayGuard).isInstanceOf(IllegalStateException.class);
        assertThat(w.clock(AssertionFixtures.clock()).build().toString()).contains("replayGuard=null")
                .contains("revocation=false");
    }

    @Test
    void zeroSkew_rejectsAtTheExactExpiry() {
        AssertionVerifier v = AssertionVerifier.builder().trustStore(trust)
                .clock(AssertionFixtures.clockAt(AssertionFixtures.NOW.plusSeconds(600))).clockSkew(Duration.ZERO)
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(rejected(v.verify(jwt())).reason()).isEqualTo(Reason.EXPIRED);
        AssertionVerifier before = AssertionVerifier.builder().trustStore(trust)
                .clock(AssertionFixtures.clockAt(AssertionFixtures.NOW.plusSeconds(599))).clockSkew(Duration.ZERO)
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(before.verify(jwt())).isInstanceOf(Verified.class);
    }
}
