package io.github.eidvn.verifier.hospital;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.BilingualText;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.verifier.Reason;

/**
 * What the reception desk should do with a scanned QR code: the three-way {@link Decision} (admit, check by hand,
 * refuse), the finer {@link Status}, the patient and health-insurance (BHYT) data to show, notices for the
 * receptionist and a message in Vietnamese and English. Made by {@link HospitalCheckIn}; {@link #toJson()} gives the
 * same content for a web page or an API, with the same names: {@code decision} is {@link #decision()},
 * {@code status} is {@link #status()}, {@code reason} is {@link #reasonCode()}. A reception screen shows the decision
 * as a colour (green, amber, red) and the reason code says why it is not green.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security.</b> Patient data is shown only as far as the decision allows: data from the unsigned chip-card QR
 * always has {@link Patient#verified()} {@code false}, also when a health-insurance lookup found a valid card for its
 * number ({@link Status#VALID_IDENTITY_UNVERIFIED}: the receptionist compares the photo on the ID card with the
 * patient, {@link Notice#COMPARE_PHOTO}); for {@link Decision#REJECTED} without a card there is none. The personal
 * number is always masked. {@link #toString()} holds no personal data; {@link #detail()} is a technical detail for
 * logs, never personal data.
 */
public final class CheckInDecision implements BilingualText {

    /** The three answers a reception desk shows, one colour each; every {@link Status} maps to exactly one. */
    public enum Decision {
        /**
         * Green: admit under health insurance. {@link Status#VALID} (verified identity) and
         * {@link Status#VALID_IDENTITY_UNVERIFIED} (card found by the ID card's number: compare the photo).
         */
        VALID,
        /**
         * Amber: check by hand as Công văn 931/BYT-BH provides (BHYT card and a photo ID).
         * {@link Status#NO_VALID_CARD}, {@link Status#LOOKUP_UNAVAILABLE}, {@link Status#DATA_MISMATCH},
         * {@link Status#CHECK_MANUALLY} and {@link Status#NO_INSURANCE_DATA}.
         */
        CHECK_MANUALLY,
        /**
         * Red: not accepted. {@link Status#REJECTED} (the verifier refused the code), {@link Status#CARD_EXPIRED},
         * {@link Status#CARD_NOT_YET_VALID} and {@link Status#UNREADABLE} (no QR code in the image).
         */
        REJECTED
    }

    /** The detailed status behind the {@link Decision}. */
    public enum Status {
        /** Verified identity and a BHYT card valid on the check-in date: admit under health insurance. */
        VALID(Decision.VALID),
        /**
         * The chip ID card's QR (unsigned), and the health-insurance lookup by its personal number found a card
         * valid on the check-in date whose holder name and birth date match the QR: admit under health insurance
         * after comparing the photo on the ID card with the patient (the identity is not verified).
         */
        VALID_IDENTITY_UNVERIFIED(Decision.VALID),
        /** Verified identity, but the BHYT card's validity ended before the check-in date. */
        CARD_EXPIRED(Decision.REJECTED),
        /** Verified identity, but the BHYT card's validity starts after the check-in date. */
        CARD_NOT_YET_VALID(Decision.REJECTED),
        /** Verified identity, but the presentation carries no BHYT card. */
        NO_INSURANCE_DATA(Decision.CHECK_MANUALLY),
        /**
         * The health-insurance lookup by the ID card's personal number found no card valid on the check-in date:
         * explain this to the patient and fall back to the BHYT card and a photo ID (Công văn 931/BYT-BH).
         */
        NO_VALID_CARD(Decision.CHECK_MANUALLY),
        /** The health-insurance lookup did not answer (in time): check the BHYT card and a photo ID by hand. */
        LOOKUP_UNAVAILABLE(Decision.CHECK_MANUALLY),
        /**
         * The lookup found cards for the number, but none whose holder name and birth date match the QR: check the
         * BHYT card and a photo ID by hand.
         */
        DATA_MISMATCH(Decision.CHECK_MANUALLY),
        /**
         * The unsigned chip-card QR at a desk without a health-insurance lookup: its data is unverified; check the
         * BHYT card and a photo ID by hand (Công văn 931/BYT-BH).
         */
        CHECK_MANUALLY(Decision.CHECK_MANUALLY),
        /** The verifier rejected the code (see {@link CheckInDecision#reason()}). */
        REJECTED(Decision.REJECTED),
        /** No QR code could be read from the image: scan again. */
        UNREADABLE(Decision.REJECTED);

        private final Decision decision;

        Status(Decision decision) {
            this.decision = decision;
        }

        /** @return the three-way decision this status belongs to */
        public Decision decision() {
            return decision;
        }
    }

    /** Something the receptionist must do or know besides the decision, in Vietnamese and English. */
    public enum Notice implements HasBilingualText {
        /** The identity is not verified: compare the photo on the ID card with the patient. */
        COMPARE_PHOTO("Đối chiếu ảnh trên thẻ căn cước với người bệnh.",
                "Compare the photo on the ID card with the patient."),
        /** The card's registered primary-care facility is another facility: referral rules differ. */
        OTHER_FACILITY("Thẻ BHYT đăng ký khám chữa bệnh ban đầu tại cơ sở khác: áp dụng quy định về chuyển tuyến"
                + " và mức hưởng tương ứng.", "The card is registered for primary care at another facility: the"
                + " referral rules and their benefit levels apply.");

        private final Bilingual text;

        Notice(String vi, String en) { text = new Bilingual(vi, en); }

        @Override
        public Bilingual text() {
            return text;
        }
    }

    /**
     * The patient as presented.
     *
     * @param verified true when the data comes from a verified e-ID assertion, false for the unsigned chip-card QR
     * @param name the full name (NFC), if presented
     * @param birthDate the date of birth, if presented
     * @param sex the sex, if presented (and male or female)
     * @param maskedPersonalNumber the personal number with its six middle digits hidden, e.g. {@code 079******345}
     * @param assuranceLevel the e-ID assurance level (empty for unverified data)
     */
    public record Patient(boolean verified, Optional<String> name, Optional<LocalDate> birthDate, Optional<Sex> sex,
            Optional<String> maskedPersonalNumber, Optional<AssuranceLevel> assuranceLevel) {

        /**
         * Creates the value.
         *
         * @throws NullPointerException when a component is null
         */
        public Patient {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(birthDate, "birthDate");
            Objects.requireNonNull(sex, "sex");
            Objects.requireNonNull(maskedPersonalNumber, "maskedPersonalNumber");
            Objects.requireNonNull(assuranceLevel, "assuranceLevel");
        }

        /** @return verification flag, masked number and level; the name only as initials */
        @Override
        public String toString() {
            return "Patient[verified=" + verified + ", name=" + name.flatMap(PersonName::parse).map(PersonName::masked)
                    .orElse("-") + ", number=" + maskedPersonalNumber.orElse("-") + ", level="
                    + assuranceLevel.map(l -> Integer.toString(l.number())).orElse("-") + "]";
        }
    }

    /**
     * The health-insurance card, from a verified presentation or from the health-insurance lookup.
     *
     * @param number the card number, e.g. {@code HS4790120878811}
     * @param validFrom first day of validity
     * @param validTo last day of validity
     * @param benefitLevel the benefit level (mức hưởng)
     * @param facility the registered primary-care facility code (nơi đăng ký khám chữa bệnh ban đầu)
     */
    public record Insurance(String number, LocalDate validFrom, LocalDate validTo, BenefitLevel benefitLevel,
            String facility) {

        /**
         * Creates the value.
         *
         * @throws NullPointerException when a component is null
         */
        public Insurance {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validTo, "validTo");
            Objects.requireNonNull(benefitLevel, "benefitLevel");
            Objects.requireNonNull(facility, "facility");
        }

        /**
         * The base rate of the card's benefit level (mức hưởng cơ bản): the share of covered costs the fund pays in
         * the usual case, e.g. 80. The law pays 100 % in the cases it lists whatever the level (see
         * {@link BenefitLevel}), so this is not always what a given visit is paid at.
         *
         * @return the base rate in percent
         */
        public int baseCoveragePercent() {
            return benefitLevel.coveragePercent();
        }

        /**
         * The base rate under its former name.
         *
         * @return {@link #baseCoveragePercent()}
         * @deprecated the figure is the level's base rate, not the coverage of every visit; use
         *     {@link #baseCoveragePercent()}. To be removed in the release after 0.1.
         */
        @Deprecated(since = "0.1")
        public int coveragePercent() {
            return baseCoveragePercent();
        }

        /** @return dates, level and facility; the card number masked */
        @Override
        public String toString() {
            return "Insurance[" + number.substring(0, Math.min(5, number.length())) + "**********, " + validFrom
                    + ".." + validTo + ", level " + benefitLevel.code() + ", facility " + facility + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);

    private final Status status;
    private final Reason reason;
    private final String scanFailure;
    private final String detail;
    private final LocalDate checkedOn;
    private final Patient patient;
    private final Insurance insurance;
    private final String messageVi;
    private final String messageEn;
    private final List<Notice> notices;

    private CheckInDecision(Status decision, Reason reason, String detail, LocalDate checkedOn, Patient patient,
            Insurance insurance, String messageVi, String messageEn) {
        this(decision, reason, null, detail, checkedOn, patient, insurance, messageVi, messageEn, List.of());
    }

    private CheckInDecision(Status status, Reason reason, String scanFailure, String detail, LocalDate checkedOn,
            Patient patient, Insurance insurance, String messageVi, String messageEn, List<Notice> notices) {
        this.status = status;
        this.reason = reason;
        this.scanFailure = scanFailure;
        this.detail = detail;
        this.checkedOn = checkedOn;
        this.patient = patient;
        this.insurance = insurance;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
        this.notices = List.copyOf(notices);
    }

    static CheckInDecision card(Status status, LocalDate today, Patient patient, Insurance card,
            List<Notice> notices) {
        String to = DISPLAY.format(card.validTo());
        String from = DISPLAY.format(card.validFrom());
        BenefitLevel level = card.benefitLevel();
        String vi;
        String en;
        switch (status) {
            case VALID:
                vi = "Thẻ BHYT còn hiệu lực (từ " + from + " đến " + to + "). Mức hưởng " + level.code() + ": "
                        + level.vietnamese() + ".";
                en = "The health-insurance card is valid (" + from + " to " + to + "). Benefit level "
                        + level.code() + ": " + level.english() + ".";
                break;
            case VALID_IDENTITY_UNVERIFIED:
                vi = "Tra cứu theo số định danh cá nhân: thẻ BHYT còn hiệu lực (từ " + from + " đến " + to
                        + "). Mức hưởng " + level.code() + ": " + level.vietnamese() + ". Mã QR trên thẻ căn cước"
                        + " không có chữ ký số: đối chiếu ảnh trên thẻ căn cước với người bệnh.";
                en = "Looked up by the personal number: the health-insurance card is valid (" + from + " to " + to
                        + "). Benefit level " + level.code() + ": " + level.english() + ". The ID card QR has"
                        + " no digital signature: compare the photo on the ID card with the patient.";
                break;
            case CARD_EXPIRED:
                vi = "Thẻ BHYT đã hết hạn sử dụng (có giá trị đến " + to + "). Đề nghị người bệnh kiểm tra lại thẻ"
                        + " BHYT.";
                en = "The health-insurance card has expired (valid until " + to + "). Ask the patient about the card.";
                break;
            case CARD_NOT_YET_VALID:
                vi = "Thẻ BHYT chưa đến thời hạn sử dụng (có giá trị từ " + from + ").";
                en = "The health-insurance card is not valid yet (valid from " + from + ").";
                break;
            default:
                throw new IllegalArgumentException("not a card status: " + status);
        }
        return new CheckInDecision(status, null, null, "", today, patient, card, vi, en, notices);
    }

    static CheckInDecision noInsurance(LocalDate today, Patient patient) {
        return new CheckInDecision(Status.NO_INSURANCE_DATA, null, "", today, patient, null,
                "Đã xác thực danh tính nhưng mã không có thông tin thẻ BHYT. Đề nghị người bệnh xuất trình thẻ BHYT.",
                "Identity verified, but the code carries no health-insurance card. Ask for the health-insurance card.");
    }

    static CheckInDecision checkManually(LocalDate today, Patient unverified) {
        return new CheckInDecision(Status.CHECK_MANUALLY, Reason.UNSIGNED_LEGACY,
                "legacy chip-card QR: unsigned data", today, unverified, null,
                "Mã QR trên thẻ căn cước không có chữ ký số: thông tin CHƯA ĐƯỢC XÁC THỰC. Theo Công văn"
                        + " 931/BYT-BH, đề nghị người bệnh xuất trình thẻ BHYT và giấy tờ tùy thân có ảnh để đối chiếu.",
                "The chip ID card QR has no digital signature: the data is UNVERIFIED. As Official Letter"
                        + " 931/BYT-BH provides, ask for the health-insurance card and a photo ID and check them.");
    }

    /** The lookup found no card valid today; {@code latest} is the most recent matching card, if any. */
    static CheckInDecision noValidCard(LocalDate today, Patient unverified, Insurance latest, String detail) {
        String vi = "Không tìm thấy thẻ BHYT còn giá trị sử dụng khi tra cứu theo số định danh cá nhân"
                + (latest == null ? "" : " (thẻ gần nhất có giá trị từ " + DISPLAY.format(latest.validFrom())
                        + " đến " + DISPLAY.format(latest.validTo()) + ")")
                + ". Theo Công văn 931/BYT-BH, giải thích cho người bệnh và đề nghị xuất trình thẻ BHYT cùng giấy tờ"
                + " tùy thân có ảnh để làm thủ tục khám chữa bệnh BHYT.";
        String en = "No health-insurance card valid today was found by the personal number"
                + (latest == null ? "" : " (the latest card was valid from " + DISPLAY.format(latest.validFrom())
                        + " to " + DISPLAY.format(latest.validTo()) + ")")
                + ". As Official Letter 931/BYT-BH provides, explain this to the patient and ask for the"
                + " health-insurance card and a photo ID to check in under health insurance.";
        return new CheckInDecision(Status.NO_VALID_CARD, null, null, detail, today, unverified, latest, vi, en,
                List.of());
    }

    static CheckInDecision lookupUnavailable(LocalDate today, Patient unverified, String detail) {
        return new CheckInDecision(Status.LOOKUP_UNAVAILABLE, null, null, detail, today, unverified, null,
                "Chưa tra cứu được thông tin thẻ BHYT: hệ thống tra cứu không phản hồi. Theo Công văn 931/BYT-BH,"
                        + " đề nghị người bệnh xuất trình thẻ BHYT và giấy tờ tùy thân có ảnh để đối chiếu.",
                "The health-insurance lookup is not answering, so the card could not be looked up. As Official"
                        + " Letter 931/BYT-BH provides, ask for the health-insurance card and a photo ID and check"
                        + " them.", List.of());
    }

    static CheckInDecision dataMismatch(LocalDate today, Patient unverified) {
        return new CheckInDecision(Status.DATA_MISMATCH, null, null, "name or birth date differs from the record",
                today, unverified, null,
                "Họ tên hoặc ngày sinh trên mã QR không khớp với dữ liệu BHYT tra cứu được. Đề nghị người bệnh"
                        + " xuất trình thẻ BHYT và giấy tờ tùy thân có ảnh để đối chiếu.",
                "The name or birth date in the QR code does not match the health-insurance record. Ask for the"
                        + " health-insurance card and a photo ID and check them.", List.of());
    }

    /**
     * A {@link Decision#REJECTED} decision without patient data, for a layer in front of the check that refuses the
     * input before it reaches {@link HospitalCheckIn} (a web endpoint refusing an oversized body or a wrong content
     * type), so that every answer has the same form.
     *
     * <p><b>Security.</b> Only a rejection can be made this way; a {@link Decision#VALID} decision comes only from
     * {@link HospitalCheckIn}.
     *
     * @param checkedOn the date of the check
     * @param reason why, e.g. {@link Reason#TOO_LARGE}
     * @param detail a technical detail for logs (English, no personal data)
     * @return the decision
     * @throws NullPointerException when an argument is null
     */
    public static CheckInDecision rejected(LocalDate checkedOn, Reason reason, String detail) {
        Objects.requireNonNull(checkedOn, "checkedOn");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        return new CheckInDecision(Status.REJECTED, reason, detail, checkedOn, null, null,
                "Không chấp nhận mã: " + reason.vietnamese(), "Code not accepted: " + reason.english());
    }

    /**
     * An {@link Status#UNREADABLE} decision: no QR code could be read from an image. {@link HospitalCheckIn} makes
     * it for a failed image scan; a layer in front of it may make it too (an image over its upload limit,
     * {@link QrScanResult.Reason#IMAGE_TOO_LARGE}).
     *
     * @param checkedOn the date of the check
     * @param failed the image decoder's failure
     * @return the decision
     * @throws NullPointerException when an argument is null
     */
    public static CheckInDecision unreadable(LocalDate checkedOn, QrScanResult.Failed failed) {
        Objects.requireNonNull(checkedOn, "checkedOn");
        Objects.requireNonNull(failed, "failed");
        return new CheckInDecision(Status.UNREADABLE, null, failed.reason().name(),
                failed.reason() + ": " + failed.detail(), checkedOn, null, null, failed.reason().vietnamese(),
                failed.reason().english(), List.of());
    }

    /** @return the three-way decision for the screen (green, amber, red); JSON {@code decision} */
    public Decision decision() {
        return status.decision();
    }

    /** @return the detailed status; JSON {@code status} */
    public Status status() {
        return status;
    }

    /** @return true only for {@link Decision#VALID} */
    public boolean isValid() {
        return status.decision() == Decision.VALID;
    }

    /**
     * What the receptionist must do or know besides the decision ({@link Notice#COMPARE_PHOTO} for a card found
     * by the number of an unverified ID card, {@link Notice#OTHER_FACILITY} for a card registered elsewhere).
     *
     * @return the notices, possibly empty
     */
    public List<Notice> notices() {
        return notices;
    }

    /**
     * Why the decision is not {@link Decision#VALID}, as one machine-readable code: the verifier's {@link Reason}
     * name when there is one ({@code BAD_SIGNATURE}, {@code EXPIRED}, {@code REPLAYED}, {@code UNSIGNED_LEGACY},
     * ...); else the {@link Status} name ({@code CARD_EXPIRED}, {@code NO_VALID_CARD}, {@code LOOKUP_UNAVAILABLE},
     * ...); for an unreadable
     * image the image decoder's {@link QrScanResult.Reason} name ({@code NOT_FOUND}, {@code UNREADABLE_IMAGE},
     * {@code IMAGE_TOO_LARGE}). These names do not overlap.
     *
     * @return the code; empty for {@link Decision#VALID}
     */
    public Optional<String> reasonCode() {
        if (reason != null) {
            return Optional.of(reason.name());
        }
        if (scanFailure != null) {
            return Optional.of(scanFailure);
        }
        return status.decision() == Decision.VALID ? Optional.empty() : Optional.of(status.name());
    }

    /**
     * The verifier's reason: for {@link Decision#REJECTED} why the code was refused (bad signature, expired,
     * replayed, ...); for {@link Status#CHECK_MANUALLY} {@link Reason#UNSIGNED_LEGACY}; empty otherwise.
     *
     * @return the reason
     */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** @return a technical detail for logs (English, no personal data); empty when there is nothing to add */
    public String detail() {
        return detail;
    }

    /** @return the check-in date (in the desk's time zone) the card validity was checked against */
    public LocalDate checkedOn() {
        return checkedOn;
    }

    /** @return the patient to show: verified data, unverified chip-card data, or none (rejected, unreadable) */
    public Optional<Patient> patient() {
        return Optional.ofNullable(patient);
    }

    /** @return the BHYT card of a verified presentation, when it carries one */
    public Optional<Insurance> insurance() {
        return Optional.ofNullable(insurance);
    }

    /** @return the message for the receptionist in Vietnamese */
    @Override
    public String vietnamese() {
        return messageVi;
    }

    /** @return the message for the receptionist in English */
    @Override
    public String english() {
        return messageEn;
    }

    /**
     * @return the message for the receptionist in Vietnamese
     * @deprecated use {@link #vietnamese()}, the name every bilingual text of eid uses; removed in the next release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public String messageVi() {
        return vietnamese();
    }

    /**
     * @return the message for the receptionist in English
     * @deprecated use {@link #english()}; removed in the next release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public String messageEn() {
        return english();
    }

    /**
     * The decision as one JSON object, for a web page or an API:
     * <pre>{@code
     * {"decision":"VALID","status":"VALID","reason":null,"detail":"","checked_on":"2026-09-17",
     *  "message":{"vi":"...","en":"..."},
     *  "patient":{"verified":true,"name":"Nguyễn Thị Minh Khai","birthdate":"2003-05-17","gender":"female",
     *             "personal_number":"079******345","assurance_level":2},
     *  "insurance":{"number":"HS4790120878811","valid_from":"2026-01-01","valid_to":"2026-12-31",
     *               "benefit_level":4,"base_coverage_percent":80,"coverage_percent":80,
     *               "facility":"79024"}}
     * }</pre>
     * {@code base_coverage_percent} is the base rate of the benefit level (100 % also applies in the cases the law
     * lists); {@code coverage_percent} holds the same figure under its former name and is deprecated: it will be
     * dropped in the release after 0.1.
     * {@code decision} is the three-way {@link #decision()} ({@code VALID}, {@code CHECK_MANUALLY} or
     * {@code REJECTED}), {@code status} the finer {@link #status()}, {@code reason} the {@link #reasonCode()} or
     * null, {@code notices} the {@link #notices()} as {@code [{"code":"COMPARE_PHOTO","vi":…,"en":…}]}; {@code patient} and {@code insurance} are null when absent, and absent patient fields are null.
     * {@code personal_number} is always masked. An expired BHYT card, for example, is
     * {@code {"decision":"REJECTED","status":"CARD_EXPIRED","reason":"CARD_EXPIRED",...}} with the patient and the
     * card, and a replayed code {@code {"decision":"REJECTED","status":"REJECTED","reason":"REPLAYED",...}}.
     *
     * @return the JSON text (UTF-8 when written as bytes)
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("decision", decision().name());
        root.put("status", status.name());
        root.put("reason", reasonCode().orElse(null));
        root.put("detail", detail);
        root.put("checked_on", checkedOn.toString());
        ObjectNode message = root.putObject("message");
        message.put("vi", messageVi);
        message.put("en", messageEn);
        ArrayNode notes = root.putArray("notices");
        for (Notice n : notices) {
            ObjectNode note = notes.addObject();
            note.put("code", n.name());
            note.put("vi", n.vietnamese());
            note.put("en", n.english());
        }
        if (patient == null) {
            root.putNull("patient");
        } else {
            ObjectNode p = root.putObject("patient");
            p.put("verified", patient.verified());
            p.put("name", patient.name().orElse(null));
            p.put("birthdate", patient.birthDate().map(LocalDate::toString).orElse(null));
            p.put("gender", patient.sex().map(Sex::oidcValue).orElse(null));
            p.put("personal_number", patient.maskedPersonalNumber().orElse(null));
            if (patient.assuranceLevel().isPresent()) {
                p.put("assurance_level", patient.assuranceLevel().get().number());
            } else {
                p.putNull("assurance_level");
            }
        }
        if (insurance == null) {
            root.putNull("insurance");
        } else {
            ObjectNode i = root.putObject("insurance");
            i.put("number", insurance.number());
            i.put("valid_from", insurance.validFrom().toString());
            i.put("valid_to", insurance.validTo().toString());
            i.put("benefit_level", insurance.benefitLevel().code());
            i.put("base_coverage_percent", insurance.baseCoveragePercent());
            i.put("coverage_percent", insurance.baseCoveragePercent()); // deprecated name, one release
            i.put("facility", insurance.facility());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON writing failed", e);
        }
    }

    /** @return decision, reason and date; no personal data */
    @Override
    public String toString() {
        return "CheckInDecision[" + status + (reason == null ? "" : ", " + reason) + ", " + checkedOn + "]";
    }
}
