package io.github.eidvn.verifier.hospital;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.verifier.Reason;

/**
 * What the reception desk should do with a scanned QR code: the {@link Decision}, the patient and
 * health-insurance (BHYT) data to show, and a message in Vietnamese and English. Made by {@link HospitalCheckIn};
 * {@link #toJson()} gives the same content for a web page or an API. A reception screen shows the three-way
 * {@link #outcome()} as a colour (green, amber, red) and {@link #reasonCode()} says why it is not green.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security.</b> Patient data is shown only as far as the decision allows: for {@link Decision#CHECK_MANUALLY}
 * it comes from the unsigned chip-card QR and {@link Patient#verified()} is {@code false}; for
 * {@link Decision#REJECTED} and {@link Decision#UNREADABLE} there is none. The personal number is always masked.
 * {@link #toString()} holds no personal data; {@link #detail()} is a technical detail for logs, never personal data.
 */
public final class CheckInDecision {

    /** The decision for the receptionist. */
    public enum Decision {
        /** Verified identity and a BHYT card valid on the check-in date: admit under health insurance. */
        VALID,
        /** Verified identity, but the BHYT card's validity ended before the check-in date. */
        CARD_EXPIRED,
        /** Verified identity, but the BHYT card's validity starts after the check-in date. */
        CARD_NOT_YET_VALID,
        /** Verified identity, but the presentation carries no BHYT card. */
        NO_INSURANCE_DATA,
        /**
         * The unsigned legacy chip-card QR: its data is unverified; check the BHYT card and a photo ID by hand
         * (Công văn 931/BYT-BH).
         */
        CHECK_MANUALLY,
        /** The verifier rejected the code (see {@link CheckInDecision#reason()}). */
        REJECTED,
        /** No QR code could be read from the image: scan again. */
        UNREADABLE
    }

    /**
     * The three answers a reception desk shows, one colour each; every {@link Decision} maps to exactly one.
     */
    public enum Outcome {
        /** Green: {@link Decision#VALID}, admit under health insurance. */
        VALID,
        /**
         * Amber: check by hand. {@link Decision#CHECK_MANUALLY} (unsigned chip-card QR: ask for the BHYT card and a
         * photo ID) and {@link Decision#NO_INSURANCE_DATA} (verified identity without a BHYT card: ask for the card).
         */
        CHECK_MANUALLY,
        /**
         * Red: not accepted. {@link Decision#REJECTED} (the verifier refused the code), {@link Decision#CARD_EXPIRED},
         * {@link Decision#CARD_NOT_YET_VALID} and {@link Decision#UNREADABLE} (no QR code in the image).
         */
        REJECTED
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
     * The health-insurance card from a verified presentation.
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

        /** @return the share of covered costs paid by the fund, e.g. 80 */
        public int coveragePercent() {
            return benefitLevel.coveragePercent();
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

    private final Decision decision;
    private final Reason reason;
    private final String scanFailure;
    private final String detail;
    private final LocalDate checkedOn;
    private final Patient patient;
    private final Insurance insurance;
    private final String messageVi;
    private final String messageEn;

    private CheckInDecision(Decision decision, Reason reason, String detail, LocalDate checkedOn, Patient patient,
            Insurance insurance, String messageVi, String messageEn) {
        this(decision, reason, null, detail, checkedOn, patient, insurance, messageVi, messageEn);
    }

    private CheckInDecision(Decision decision, Reason reason, String scanFailure, String detail, LocalDate checkedOn,
            Patient patient, Insurance insurance, String messageVi, String messageEn) {
        this.decision = decision;
        this.reason = reason;
        this.scanFailure = scanFailure;
        this.detail = detail;
        this.checkedOn = checkedOn;
        this.patient = patient;
        this.insurance = insurance;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    static CheckInDecision card(Decision decision, LocalDate today, Patient patient, Insurance card) {
        String to = DISPLAY.format(card.validTo());
        String from = DISPLAY.format(card.validFrom());
        BenefitLevel level = card.benefitLevel();
        String vi;
        String en;
        switch (decision) {
            case VALID:
                vi = "Thẻ BHYT còn hiệu lực (từ " + from + " đến " + to + "). Mức hưởng " + level.code() + ": "
                        + level.descriptionVi() + ".";
                en = "The health-insurance card is valid (" + from + " to " + to + "). Benefit level "
                        + level.code() + ": " + level.descriptionEn() + ".";
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
                throw new IllegalArgumentException("not a card decision: " + decision);
        }
        return new CheckInDecision(decision, null, "", today, patient, card, vi, en);
    }

    static CheckInDecision noInsurance(LocalDate today, Patient patient) {
        return new CheckInDecision(Decision.NO_INSURANCE_DATA, null, "", today, patient, null,
                "Đã xác thực danh tính nhưng mã không có thông tin thẻ BHYT. Đề nghị người bệnh xuất trình thẻ BHYT.",
                "Identity verified, but the code carries no health-insurance card. Ask for the health-insurance card.");
    }

    static CheckInDecision checkManually(LocalDate today, Patient unverified) {
        return new CheckInDecision(Decision.CHECK_MANUALLY, Reason.UNSIGNED_LEGACY,
                "legacy chip-card QR: unsigned data", today, unverified, null,
                "Mã QR trên thẻ căn cước không có chữ ký số: thông tin CHƯA ĐƯỢC XÁC THỰC. Theo Công văn"
                        + " 931/BYT-BH, đề nghị người bệnh xuất trình thẻ BHYT và giấy tờ tùy thân có ảnh để đối chiếu.",
                "The chip ID card QR has no digital signature: the data is UNVERIFIED. As Official Letter"
                        + " 931/BYT-BH provides, ask for the health-insurance card and a photo ID and check them.");
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
        return new CheckInDecision(Decision.REJECTED, reason, detail, checkedOn, null, null,
                "Không chấp nhận mã: " + reason.vietnamese(), "Code not accepted: " + reason.english());
    }

    /**
     * A {@link Decision#UNREADABLE} decision: no QR code could be read from an image. {@link HospitalCheckIn} makes
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
        return new CheckInDecision(Decision.UNREADABLE, null, failed.reason().name(),
                failed.reason() + ": " + failed.detail(), checkedOn, null, null, failed.reason().vietnamese(),
                failed.reason().english());
    }

    /** @return the decision */
    public Decision decision() {
        return decision;
    }

    /** @return true only for {@link Decision#VALID} */
    public boolean isValid() {
        return decision == Decision.VALID;
    }

    /** @return the three-way answer for the screen (green, amber, red); see {@link Outcome} for the mapping */
    public Outcome outcome() {
        switch (decision) {
            case VALID:
                return Outcome.VALID;
            case CHECK_MANUALLY:
            case NO_INSURANCE_DATA:
                return Outcome.CHECK_MANUALLY;
            default:
                return Outcome.REJECTED;
        }
    }

    /**
     * Why the decision is not {@link Decision#VALID}, as one machine-readable code: the verifier's {@link Reason}
     * name when there is one ({@code BAD_SIGNATURE}, {@code EXPIRED}, {@code REPLAYED}, {@code UNSIGNED_LEGACY},
     * ...); else {@code CARD_EXPIRED}, {@code CARD_NOT_YET_VALID} or {@code NO_INSURANCE_DATA}; for an unreadable
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
        return decision == Decision.VALID ? Optional.empty() : Optional.of(decision.name());
    }

    /**
     * The verifier's reason: for {@link Decision#REJECTED} why the code was refused (bad signature, expired,
     * replayed, ...); for {@link Decision#CHECK_MANUALLY} {@link Reason#UNSIGNED_LEGACY}; empty otherwise.
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
    public String messageVi() {
        return messageVi;
    }

    /** @return the message for the receptionist in English */
    public String messageEn() {
        return messageEn;
    }

    /**
     * The message in a locale's language: Vietnamese for {@code vi}, English otherwise.
     *
     * @param locale the locale
     * @return the message
     */
    public String message(Locale locale) {
        return "vi".equals(Objects.requireNonNull(locale, "locale").getLanguage()) ? messageVi : messageEn;
    }

    /**
     * The decision as one JSON object, for a web page or an API:
     * <pre>{@code
     * {"decision":"VALID","status":"VALID","reason":null,"detail":"","checked_on":"2026-09-17",
     *  "message":{"vi":"...","en":"..."},
     *  "patient":{"verified":true,"name":"Nguyễn Thị Minh Khai","birthdate":"2003-05-17","gender":"female",
     *             "personal_number":"079******345","assurance_level":2},
     *  "insurance":{"number":"HS4790120878811","valid_from":"2026-01-01","valid_to":"2026-12-31",
     *               "benefit_level":4,"coverage_percent":80,"facility":"79024"}}
     * }</pre>
     * {@code decision} is the three-way {@link #outcome()} ({@code VALID}, {@code CHECK_MANUALLY} or
     * {@code REJECTED}), {@code status} the finer {@link #decision()}, {@code reason} the {@link #reasonCode()} or
     * null; {@code patient} and {@code insurance} are null when absent, and absent patient fields are null.
     * {@code personal_number} is always masked. An expired BHYT card, for example, is
     * {@code {"decision":"REJECTED","status":"CARD_EXPIRED","reason":"CARD_EXPIRED",...}} with the patient and the
     * card, and a replayed code {@code {"decision":"REJECTED","status":"REJECTED","reason":"REPLAYED",...}}.
     *
     * @return the JSON text (UTF-8 when written as bytes)
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("decision", outcome().name());
        root.put("status", decision.name());
        root.put("reason", reasonCode().orElse(null));
        root.put("detail", detail);
        root.put("checked_on", checkedOn.toString());
        ObjectNode message = root.putObject("message");
        message.put("vi", messageVi);
        message.put("en", messageEn);
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
            i.put("coverage_percent", insurance.coveragePercent());
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
        return "CheckInDecision[" + decision + (reason == null ? "" : ", " + reason) + ", " + checkedOn + "]";
    }
}
