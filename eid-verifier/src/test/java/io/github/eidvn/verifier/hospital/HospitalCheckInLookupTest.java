package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.hospital.CheckInDecision.Decision;
import io.github.eidvn.verifier.hospital.CheckInDecision.Notice;
import io.github.eidvn.verifier.hospital.CheckInDecision.Status;

/** The chip ID card's QR at a desk with a health-insurance lookup (Công văn 931/BYT-BH). */
class HospitalCheckInLookupTest {

    /** Trần Văn Đức's chip-card QR; the sandbox cards hold his current card (facility 79024) and last year's. */
    private static final String DUC = "001088001234||Trần Văn Đức|12041988|Nam|Số 5 Lê Lợi, Hà Nội|01062021";
    /** Nguyễn Thị Minh Khai: her card is registered at facility 01001. */
    private static final String KHAI = "079303012345||Nguyễn Thị Minh Khai|17052003|Nữ|TP. Hồ Chí Minh|01062021";

    private final KeyRing ring = KeyRing.generate();
    private final SandboxInsuranceLookup sandbox = SandboxInsuranceLookup.fromJson(HealthInsuranceLookupContract.CARDS);

    private AssertionVerifier verifier() {
        return AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin")
                .requiredLevel(AssuranceLevel.LEVEL_2).build();
    }

    private HospitalCheckIn desk(HealthInsuranceLookup lookup) {
        return HospitalCheckIn.builder().verifier(verifier()).clock(AssertionFixtures.clock()).facility("79024")
                .lookup(lookup).lookupTimeout(Duration.ofMillis(300)).build();
    }

    @Test
    void chipCardQr_validCardFoundByNumber_validButIdentityUnverified_comparePhoto() throws Exception {
        CheckInDecision d = desk(sandbox).check(DUC);
        assertThat(d.decision()).isEqualTo(Decision.VALID);
        assertThat(d.status()).isEqualTo(Status.VALID_IDENTITY_UNVERIFIED);
        assertThat(d.isValid()).isTrue();
        assertThat(d.notices()).containsExactly(Notice.COMPARE_PHOTO);
        CheckInDecision.Patient p = d.patient().orElseThrow();
        assertThat(p.verified()).isFalse();
        assertThat(p.assuranceLevel()).isEmpty();
        assertThat(p.maskedPersonalNumber()).hasValue("001******234");
        CheckInDecision.Insurance card = d.insurance().orElseThrow();
        assertThat(card.number()).isEqualTo("GD4797920012345");
        assertThat(card.validTo()).isEqualTo(LocalDate.of(2026, 12, 31)); // the current card, not last year's
        assertThat(d.vietnamese()).contains("đối chiếu ảnh trên thẻ căn cước với người bệnh", "còn hiệu lực");
        assertThat(d.english()).contains("compare the photo on the ID card with the patient");

        JsonNode j = new ObjectMapper().readTree(d.toJson());
        assertThat(j.get("decision").asText()).isEqualTo("VALID");
        assertThat(j.get("status").asText()).isEqualTo("VALID_IDENTITY_UNVERIFIED");
        assertThat(j.get("reason").isNull()).isTrue();
        assertThat(j.at("/patient/verified").asBoolean()).isFalse();
        assertThat(j.at("/insurance/number").asText()).isEqualTo("GD4797920012345");
        assertThat(j.at("/notices/0/code").asText()).isEqualTo("COMPARE_PHOTO");
        assertThat(j.at("/notices/0/vi").asText()).isEqualTo("Đối chiếu ảnh trên thẻ căn cước với người bệnh.");
    }

    @Test
    void chipCardQr_cardRegisteredAtAnotherFacility_saysSo() {
        CheckInDecision d = desk(sandbox).check(KHAI);
        assertThat(d.status()).isEqualTo(Status.VALID_IDENTITY_UNVERIFIED);
        assertThat(d.notices()).containsExactly(Notice.COMPARE_PHOTO, Notice.OTHER_FACILITY);
        assertThat(d.insurance().orElseThrow().facility()).isEqualTo("01001");
        assertThat(Notice.OTHER_FACILITY.vietnamese()).contains("cơ sở khác");
    }

    @Test
    void chipCardQr_noCard_checkManuallyWith931Fallback() {
        String unknown = "001099999999||Phạm Văn Mới|01011999|Nam|Hà Nội|01062021";
        CheckInDecision d = desk(sandbox).check(unknown);
        assertThat(d.decision()).isEqualTo(Decision.CHECK_MANUALLY);
        assertThat(d.status()).isEqualTo(Status.NO_VALID_CARD);
        assertThat(d.reasonCode()).hasValue("NO_VALID_CARD");
        assertThat(d.insurance()).isEmpty();
        assertThat(d.patient().orElseThrow().verified()).isFalse();
        assertThat(d.vietnamese()).contains("931/BYT-BH", "giải thích cho người bệnh", "thẻ BHYT",
                "giấy tờ tùy thân có ảnh");
        assertThat(d.english()).contains("931/BYT-BH", "explain this to the patient", "photo ID");
    }

    @Test
    void chipCardQr_onlyExpiredCards_checkManually_showingTheLatest() {
        HospitalCheckIn desk = HospitalCheckIn.builder().verifier(verifier())
                .clock(AssertionFixtures.clockAt(java.time.Instant.parse("2027-02-01T03:00:00Z")))
                .lookup(sandbox).build();
        CheckInDecision d = desk.check(DUC);
        assertThat(d.status()).isEqualTo(Status.NO_VALID_CARD);
        assertThat(d.insurance().orElseThrow().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(d.vietnamese()).contains("31/12/2026");
    }

    @Test
    void chipCardQr_nameOrBirthDateDifferFromTheRecord_checkManually_noCardShown() {
        String otherName = DUC.replace("Trần Văn Đức", "Trần Văn Đực");
        String otherBirth = DUC.replace("12041988", "13041988");
        for (String qr : new String[] {otherName, otherBirth}) {
            CheckInDecision d = desk(sandbox).check(qr);
            assertThat(d.status()).as(qr).isEqualTo(Status.DATA_MISMATCH);
            assertThat(d.decision()).isEqualTo(Decision.CHECK_MANUALLY);
            assertThat(d.insurance()).isEmpty();
        }
        // letter case alone is not a difference
        assertThat(desk(sandbox).check(DUC.replace("Trần Văn Đức", "TRẦN VĂN ĐỨC")).status())
                .isEqualTo(Status.VALID_IDENTITY_UNVERIFIED);
    }

    @Test
    void chipCardQr_lookupFailsHangsOrAnswersNull_checkManuallyLookupUnavailable_neverValid() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        HealthInsuranceLookup[] broken = {
            q -> {
                throw new IllegalStateException("gateway client bug");
            },
            q -> null,
            q -> new LookupResult.Unavailable("gateway down"),
            q -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return sandbox.lookup(q); // would be valid, but too late
            },
        };
        for (HealthInsuranceLookup lookup : broken) {
            long start = System.nanoTime();
            CheckInDecision d = desk(lookup).check(DUC);
            assertThat(d.status()).isEqualTo(Status.LOOKUP_UNAVAILABLE);
            assertThat(d.decision()).isEqualTo(Decision.CHECK_MANUALLY);
            assertThat(d.insurance()).isEmpty();
            assertThat(d.vietnamese()).contains("hệ thống tra cứu không phản hồi", "931/BYT-BH");
            assertThat(d.english()).contains("lookup is not answering");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        never.countDown();
    }

    @Test
    void chipCardQr2024WithMoreFieldsAndSexTypedNu_lookedUp() {
        String qr2024 = "079303012345||Nguyễn Thị Minh Khai|17052003|NU|TP. Hồ Chí Minh|01062021|x|y";
        assertThat(desk(sandbox).check(qr2024).status()).isEqualTo(Status.VALID_IDENTITY_UNVERIFIED);
    }

    @Test
    void chipCardQr_withoutALookup_checkManuallyAsBefore() {
        CheckInDecision d = HospitalCheckIn.builder().verifier(verifier()).clock(AssertionFixtures.clock()).build()
                .check(DUC);
        assertThat(d.status()).isEqualTo(Status.CHECK_MANUALLY);
        assertThat(d.reasonCode()).hasValue("UNSIGNED_LEGACY");
    }

    @Test
    void signedPresentation_cardOfAnotherFacility_saysSo() {
        AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clock());
        String qr = SignedQrText.encode(issuer.issueForQr(AssertionRequest.builder().level(AssuranceLevel.LEVEL_2)
                .methods("face").claims(AssertionFixtures.hospitalClaims()).audience("79024")
                .purpose("bhyt-checkin").build()));
        HospitalCheckIn elsewhere = HospitalCheckIn.builder().verifier(verifier()).clock(AssertionFixtures.clock())
                .facility("01001").build();
        CheckInDecision d = elsewhere.check(qr);
        assertThat(d.status()).isEqualTo(Status.VALID);
        assertThat(d.patient().orElseThrow().verified()).isTrue();
        assertThat(d.notices()).containsExactly(Notice.OTHER_FACILITY);
    }

    @Test
    void builder_lookupOptionsChecked() {
        assertThatThrownBy(() -> HospitalCheckIn.builder().verifier(verifier()).lookupTimeout(Duration.ofSeconds(1))
                .build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HospitalCheckIn.builder().lookupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HospitalCheckIn.builder().facility("79 024"))
                .isInstanceOf(IllegalArgumentException.class);
        HospitalCheckIn.Builder b = HospitalCheckIn.builder().lookup(sandbox);
        assertThatThrownBy(() -> b.lookup(sandbox)).isInstanceOf(IllegalStateException.class);
    }
    @Test
    void chipCardQr_lookupRunsOnADaemonThread() {
        java.util.concurrent.atomic.AtomicBoolean daemon = new java.util.concurrent.atomic.AtomicBoolean();
        desk(q -> {
            daemon.set(Thread.currentThread().isDaemon());
            return sandbox.lookup(q);
        }).check(DUC);
        assertThat(daemon).isTrue();
    }

    @Test
    void chipCardQr_deskThreadInterrupted_lookupUnavailable_interruptKept() {
        // a lookup still running when the desk waits for it (a finished one would be answered despite the interrupt)
        HospitalCheckIn desk = desk(q -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sandbox.lookup(q);
        });
        Thread.currentThread().interrupt();
        CheckInDecision d;
        boolean stillInterrupted;
        try {
            d = desk.check(DUC);
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertThat(stillInterrupted).isTrue();
        assertThat(d.status()).isEqualTo(Status.LOOKUP_UNAVAILABLE);
        assertThat(d.detail()).contains("interrupted");
    }
}
