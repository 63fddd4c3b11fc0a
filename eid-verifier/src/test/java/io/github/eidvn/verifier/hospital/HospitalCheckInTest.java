package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.hospital.CheckInDecision.Decision;
import io.github.eidvn.verifier.hospital.CheckInDecision.Status;

class HospitalCheckInTest {

    private static final String LEGACY = "079303012345||Nguyễn Thị Minh Khai|17052003|Nữ|"
            + "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh|01062021";

    private final KeyRing ring = KeyRing.generate();

    private AssertionVerifier verifier(Instant now) {
        return AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(AssertionFixtures.clockAt(now)).expectedAudience("79024").expectedPurpose("bhyt-checkin")
                .requiredLevel(AssuranceLevel.LEVEL_2).build();
    }

    private HospitalCheckIn desk(Instant now) {
        return HospitalCheckIn.builder().verifier(verifier(now)).clock(AssertionFixtures.clockAt(now)).build();
    }

    private HospitalCheckIn desk() {
        return desk(AssertionFixtures.NOW);
    }

    private String qr(Instant issuedAt, Map<String, Object> claims) {
        AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clockAt(issuedAt));
        return SignedQrText.encode(issuer.issueForQr(AssertionRequest.builder().level(AssuranceLevel.LEVEL_2)
                .methods("face").claims(claims).audience("79024").purpose("bhyt-checkin").build()));
    }

    private String hospitalQr() {
        return qr(AssertionFixtures.NOW, AssertionFixtures.hospitalClaims());
    }

    private static Map<String, Object> withCard(String from, String to) {
        Map<String, Object> claims = new LinkedHashMap<>(AssertionFixtures.hospitalClaims());
        Map<String, Object> hi = new LinkedHashMap<>(AssertionFixtures.asMap(claims.get("health_insurance")));
        hi.put("valid_from", from);
        hi.put("valid_to", to);
        claims.put("health_insurance", hi);
        return claims;
    }

    @Test
    void verifiedPresentation_cardValidToday_valid_withPatientAndInsurance() {
        CheckInDecision d = desk().check(hospitalQr());
        assertThat(d.status()).isEqualTo(Status.VALID);
        assertThat(d.isValid()).isTrue();
        assertThat(d.reason()).isEmpty();
        assertThat(d.checkedOn()).isEqualTo(LocalDate.of(2026, 9, 17));
        CheckInDecision.Patient p = d.patient().orElseThrow();
        assertThat(p.verified()).isTrue();
        assertThat(p.name()).hasValue("Nguyễn Thị Minh Khai");
        assertThat(p.birthDate()).hasValue(LocalDate.of(2003, 5, 17));
        assertThat(p.sex()).hasValue(Sex.FEMALE);
        assertThat(p.maskedPersonalNumber()).hasValue("079******345");
        assertThat(p.assuranceLevel()).hasValue(AssuranceLevel.LEVEL_2);
        CheckInDecision.Insurance i = d.insurance().orElseThrow();
        assertThat(i.number()).isEqualTo("HS4790120878811");
        assertThat(i.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(i.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(i.benefitLevel()).isEqualTo(BenefitLevel.LEVEL_4);
        assertThat(i.baseCoveragePercent()).isEqualTo(80);
        assertThat(i.facility()).isEqualTo("79024");
        assertThat(d.vietnamese()).contains("còn hiệu lực", "31/12/2026", "Mức hưởng 4", "80%");
        assertThat(d.english()).contains("valid", "31/12/2026", "Benefit level 4", "80%");
        assertThat(d.message(Locale.forLanguageTag("vi-VN"))).isEqualTo(d.vietnamese());
        assertThat(d.message(Locale.ENGLISH)).isEqualTo(d.english());
    }

    @Test
    void photoOfThePresentation_decodedThenChecked() {
        byte[] png = QrRenderer.defaults().png(hospitalQr());
        assertThat(desk().check(png).status()).isEqualTo(Status.VALID);
    }

    @Test
    void cardValidity_bothEndsIncluded_expiredAndNotYetValid() {
        assertThat(desk().check(qr(AssertionFixtures.NOW, withCard("2026-01-01", "2026-09-17"))).status())
                .isEqualTo(Status.VALID);
        assertThat(desk().check(qr(AssertionFixtures.NOW, withCard("2026-09-17", "2026-12-31"))).status())
                .isEqualTo(Status.VALID);
        CheckInDecision expired = desk().check(qr(AssertionFixtures.NOW, withCard("2025-01-01", "2026-09-16")));
        assertThat(expired.status()).isEqualTo(Status.CARD_EXPIRED);
        assertThat(expired.vietnamese()).contains("hết hạn", "16/09/2026");
        assertThat(expired.patient()).isPresent();
        assertThat(expired.insurance()).isPresent();
        CheckInDecision early = desk().check(qr(AssertionFixtures.NOW, withCard("2026-09-18", "2027-09-17")));
        assertThat(early.status()).isEqualTo(Status.CARD_NOT_YET_VALID);
        assertThat(early.english()).contains("not valid yet", "18/09/2026");
    }

    @Test
    void checkInDate_isTakenInVietnam_notUtc() {
        // 2026-12-31T17:30Z is already 1 January 2027, 00:30 in Hồ Chí Minh City
        Instant newYearInVietnam = Instant.parse("2026-12-31T17:30:00Z");
        String text = qr(newYearInVietnam, AssertionFixtures.hospitalClaims());
        CheckInDecision d = desk(newYearInVietnam).check(text);
        assertThat(d.checkedOn()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(d.status()).isEqualTo(Status.CARD_EXPIRED);
        HospitalCheckIn utcDesk = HospitalCheckIn.builder().verifier(verifier(newYearInVietnam))
                .clock(Clock.fixed(newYearInVietnam, ZoneOffset.UTC)).zone(ZoneOffset.UTC).build();
        assertThat(utcDesk.check(text).status()).isEqualTo(Status.VALID);
    }

    @Test
    void verifiedWithoutInsuranceClaim_noInsuranceData() {
        Map<String, Object> claims = new LinkedHashMap<>(AssertionFixtures.hospitalClaims());
        claims.remove("health_insurance");
        CheckInDecision d = desk().check(qr(AssertionFixtures.NOW, claims));
        assertThat(d.status()).isEqualTo(Status.NO_INSURANCE_DATA);
        assertThat(d.patient().orElseThrow().verified()).isTrue();
        assertThat(d.insurance()).isEmpty();
        assertThat(d.vietnamese()).contains("thẻ BHYT");
    }

    @Test
    void legacyChipCardQr_checkManually_unverifiedData_with931Fallback() {
        CheckInDecision d = desk().check(LEGACY);
        assertThat(d.status()).isEqualTo(Status.CHECK_MANUALLY);
        assertThat(d.reason()).hasValue(Reason.UNSIGNED_LEGACY);
        CheckInDecision.Patient p = d.patient().orElseThrow();
        assertThat(p.verified()).isFalse();
        assertThat(p.name()).hasValue("Nguyễn Thị Minh Khai");
        assertThat(p.maskedPersonalNumber()).hasValue("079******345");
        assertThat(p.assuranceLevel()).isEmpty();
        assertThat(d.insurance()).isEmpty();
        assertThat(d.vietnamese()).contains("931/BYT-BH", "thẻ BHYT", "giấy tờ tùy thân có ảnh", "CHƯA ĐƯỢC XÁC THỰC");
        assertThat(d.english()).contains("931/BYT-BH", "health-insurance card", "photo ID", "UNVERIFIED");
    }

    @Test
    void rejections_carryTheVerifierReason() {
        HospitalCheckIn desk = desk();
        String text = hospitalQr();
        assertThat(desk.check(text).status()).isEqualTo(Status.VALID);
        CheckInDecision replay = desk.check(text);
        assertThat(replay.status()).isEqualTo(Status.REJECTED);
        assertThat(replay.reason()).hasValue(Reason.REPLAYED);
        assertThat(replay.vietnamese()).contains(Reason.REPLAYED.vietnamese());
        assertThat(replay.english()).contains(Reason.REPLAYED.english());
        assertThat(replay.patient()).isEmpty();
        assertThat(replay.insurance()).isEmpty();

        CheckInDecision expiredQr = desk(AssertionFixtures.NOW.plusSeconds(20 * 60)).check(hospitalQr());
        assertThat(expiredQr.reason()).hasValue(Reason.EXPIRED);

        KeyRing other = KeyRing.generate();
        String foreign = SignedQrText.encode(AssertionFixtures.issuer(other, AssertionFixtures.clock())
                .issueForQr(AssertionFixtures.hospitalRequest()));
        assertThat(desk().check(foreign).reason()).hasValue(Reason.UNKNOWN_KEY);

        String otherHospital = SignedQrText.encode(AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueForQr(AssertionRequest.builder().level(AssuranceLevel.LEVEL_2).methods("face")
                        .claims(AssertionFixtures.hospitalClaims()).audience("01001").purpose("bhyt-checkin")
                        .build()));
        assertThat(desk().check(otherHospital).reason()).hasValue(Reason.WRONG_AUDIENCE);

        String level1 = SignedQrText.encode(AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueForQr(AssertionFixtures.hospitalRequest(AssuranceLevel.LEVEL_1)));
        assertThat(desk().check(level1).reason()).hasValue(Reason.INSUFFICIENT_LEVEL);

        assertThat(desk().check("").reason()).hasValue(Reason.MALFORMED);
        assertThat(desk().check("xin chào").reason()).hasValue(Reason.MALFORMED);
        assertThat(desk().check("9".repeat(9000)).reason()).hasValue(Reason.TOO_LARGE);
    }

    @Test
    void oneDigitChanged_rejected() {
        String text = hospitalQr();
        int i = text.length() / 2;
        String tampered = text.substring(0, i) + (char) ('0' + (text.charAt(i) - '0' + 5) % 10)
                + text.substring(i + 1);
        CheckInDecision d = desk().check(tampered);
        assertThat(d.status()).isEqualTo(Status.REJECTED);
        assertThat(d.reason()).hasValueSatisfying(r -> assertThat(r).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED));
    }

    @Test
    void imageWithoutQrCode_unreadable() {
        CheckInDecision d = desk().check(new byte[] {1, 2, 3});
        assertThat(d.status()).isEqualTo(Status.UNREADABLE);
        assertThat(d.reason()).isEmpty();
        assertThat(d.vietnamese()).isNotBlank();
        assertThat(d.english()).isNotBlank();
    }

    @Test
    void json_hasDecisionReasonPatientAndInsurance() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode valid = m.readTree(desk().check(hospitalQr()).toJson());
        assertThat(valid.get("decision").asText()).isEqualTo("VALID");
        assertThat(valid.get("reason").isNull()).isTrue();
        assertThat(valid.get("checked_on").asText()).isEqualTo("2026-09-17");
        assertThat(valid.at("/message/vi").asText()).contains("còn hiệu lực");
        assertThat(valid.at("/patient/verified").asBoolean()).isTrue();
        assertThat(valid.at("/patient/name").asText()).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(valid.at("/patient/birthdate").asText()).isEqualTo("2003-05-17");
        assertThat(valid.at("/patient/gender").asText()).isEqualTo("female");
        assertThat(valid.at("/patient/personal_number").asText()).isEqualTo("079******345");
        assertThat(valid.at("/patient/assurance_level").asInt()).isEqualTo(2);
        assertThat(valid.at("/insurance/number").asText()).isEqualTo("HS4790120878811");
        assertThat(valid.at("/insurance/valid_from").asText()).isEqualTo("2026-01-01");
        assertThat(valid.at("/insurance/valid_to").asText()).isEqualTo("2026-12-31");
        assertThat(valid.at("/insurance/benefit_level").asInt()).isEqualTo(4);
        assertThat(valid.at("/insurance/base_coverage_percent").asInt()).isEqualTo(80);
        assertThat(valid.at("/insurance/coverage_percent").asInt()).as("deprecated name, kept one release")
                .isEqualTo(80);
        assertThat(valid.at("/message/vi").asText()).contains("Mức hưởng cơ bản 80%");
        assertThat(valid.at("/message/en").asText()).contains("Base rate 80%");
        assertThat(valid.at("/insurance/facility").asText()).isEqualTo("79024");

        JsonNode manual = m.readTree(desk().check(LEGACY).toJson());
        assertThat(manual.get("decision").asText()).isEqualTo("CHECK_MANUALLY");
        assertThat(manual.get("reason").asText()).isEqualTo("UNSIGNED_LEGACY");
        assertThat(manual.at("/patient/verified").asBoolean()).isFalse();
        assertThat(manual.at("/patient/assurance_level").isNull()).isTrue();
        assertThat(manual.get("insurance").isNull()).isTrue();

        JsonNode rejected = m.readTree(desk().check("garbage").toJson());
        assertThat(rejected.get("decision").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("MALFORMED");
        assertThat(rejected.get("patient").isNull()).isTrue();
        assertThat(rejected.get("insurance").isNull()).isTrue();
    }

    @Test
    void decision_everyStatusMapsToOneOfThreeColours_withOneReasonCode() {
        HospitalCheckIn desk = desk();
        CheckInDecision valid = desk.check(hospitalQr());
        assertThat(valid.decision()).isEqualTo(Decision.VALID);
        assertThat(valid.reasonCode()).isEmpty();

        CheckInDecision legacy = desk.check(LEGACY);
        assertThat(legacy.decision()).isEqualTo(Decision.CHECK_MANUALLY);
        assertThat(legacy.reasonCode()).hasValue("UNSIGNED_LEGACY");

        Map<String, Object> noCard = new LinkedHashMap<>(AssertionFixtures.hospitalClaims());
        noCard.remove("health_insurance");
        CheckInDecision none = desk.check(qr(AssertionFixtures.NOW, noCard));
        assertThat(none.decision()).isEqualTo(Decision.CHECK_MANUALLY);
        assertThat(none.reasonCode()).hasValue("NO_INSURANCE_DATA");

        CheckInDecision expired = desk.check(qr(AssertionFixtures.NOW, withCard("2025-01-01", "2025-12-31")));
        assertThat(expired.decision()).isEqualTo(Decision.REJECTED);
        assertThat(expired.reasonCode()).hasValue("CARD_EXPIRED");
        CheckInDecision early = desk.check(qr(AssertionFixtures.NOW, withCard("2027-01-01", "2027-12-31")));
        assertThat(early.decision()).isEqualTo(Decision.REJECTED);
        assertThat(early.reasonCode()).hasValue("CARD_NOT_YET_VALID");

        CheckInDecision unreadable = desk.check(new byte[] {1, 2, 3});
        assertThat(unreadable.decision()).isEqualTo(Decision.REJECTED);
        assertThat(unreadable.reasonCode()).hasValue("UNREADABLE_IMAGE");

        CheckInDecision bad = desk.check("garbage");
        assertThat(bad.decision()).isEqualTo(Decision.REJECTED);
        assertThat(bad.reasonCode()).hasValue("MALFORMED");

        for (Status st : Status.values()) {
            assertThat(Reason.values()).extracting(Reason::name).doesNotContain(st.name());
        }
        for (io.github.eidvn.qr.QrScanResult.Reason r : io.github.eidvn.qr.QrScanResult.Reason.values()) {
            assertThat(Reason.values()).extracting(Reason::name).doesNotContain(r.name());
            assertThat(Status.values()).extracting(Status::name).doesNotContain(r.name());
        }
    }

    @Test
    void json_expiredCard_isRejectedWithStatusReasonPatientAndCard() throws Exception {
        JsonNode expired = new ObjectMapper().readTree(
                desk().check(qr(AssertionFixtures.NOW, withCard("2025-01-01", "2025-12-31"))).toJson());
        assertThat(expired.get("decision").asText()).isEqualTo("REJECTED");
        assertThat(expired.get("status").asText()).isEqualTo("CARD_EXPIRED");
        assertThat(expired.get("reason").asText()).isEqualTo("CARD_EXPIRED");
        assertThat(expired.at("/patient/personal_number").asText()).isEqualTo("079******345");
        assertThat(expired.at("/insurance/valid_to").asText()).isEqualTo("2025-12-31");
        assertThat(expired.at("/message/vi").asText()).contains("hết hạn");
    }

    @Test
    void publicFactories_makeOnlyRejectionsWithoutPatientData() throws Exception {
        LocalDate day = LocalDate.of(2026, 9, 17);
        CheckInDecision tooLarge = CheckInDecision.rejected(day, Reason.TOO_LARGE, "body over 8000 characters");
        assertThat(tooLarge.status()).isEqualTo(Status.REJECTED);
        assertThat(tooLarge.decision()).isEqualTo(Decision.REJECTED);
        assertThat(tooLarge.patient()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(tooLarge.toJson());
        assertThat(json.get("reason").asText()).isEqualTo("TOO_LARGE");
        assertThat(json.get("checked_on").asText()).isEqualTo("2026-09-17");
        assertThat(json.at("/message/en").asText()).contains(Reason.TOO_LARGE.english());

        CheckInDecision big = CheckInDecision.unreadable(day, new io.github.eidvn.qr.QrScanResult.Failed(
                io.github.eidvn.qr.QrScanResult.Reason.IMAGE_TOO_LARGE, "upload over 5 MiB"));
        assertThat(big.status()).isEqualTo(Status.UNREADABLE);
        assertThat(big.reasonCode()).hasValue("IMAGE_TOO_LARGE");
        assertThat(big.detail()).contains("upload over 5 MiB");
        assertThatThrownBy(() -> CheckInDecision.rejected(null, Reason.MALFORMED, ""))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CheckInDecision.unreadable(day, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toString_hasNoPersonalData() {
        CheckInDecision d = desk().check(hospitalQr());
        assertThat(d.toString() + d.patient().orElseThrow() + d.insurance().orElseThrow())
                .doesNotContain("Nguyễn Thị Minh Khai").doesNotContain("079303012345")
                .doesNotContain("HS4790120878811");
    }

    @Test
    void builder_verifierRequired_optionsOnce_nullsRejected() {
        assertThatThrownBy(() -> HospitalCheckIn.builder().build()).isInstanceOf(IllegalStateException.class);
        HospitalCheckIn.Builder b = HospitalCheckIn.builder().verifier(verifier(AssertionFixtures.NOW));
        assertThatThrownBy(() -> b.verifier(verifier(AssertionFixtures.NOW)))
                .isInstanceOf(IllegalStateException.class);
        b.zone(HospitalCheckIn.VIETNAM);
        assertThatThrownBy(() -> b.zone(ZoneOffset.UTC)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
        HospitalCheckIn desk = b.build();
        assertThatThrownBy(() -> desk.check((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> desk.check((byte[]) null)).isInstanceOf(NullPointerException.class);
    }
}
