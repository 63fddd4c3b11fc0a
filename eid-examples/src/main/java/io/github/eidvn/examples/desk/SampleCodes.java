package io.github.eidvn.examples.desk;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.examples.Demo;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.testkit.SandboxPlatform;
import io.github.eidvn.verifier.hospital.SandboxInsuranceLookup;

/**
 * SANDBOX sample QR codes for trying the reception desk without a phone: fresh codes from the
 * {@link SandboxPlatform}'s made-up citizens, each showing one decision.
 *
 * <p>Thread-safe. <b>Security.</b> Only for a desk whose trust store is the sandbox issuer's own key; a desk that
 * trusts a real issuer never offers samples.
 */
public final class SampleCodes {

    /** The kinds of sample. */
    public enum Kind implements HasBilingualText {
        /** A level-2 presentation for this hospital with a BHYT card valid this year: VALID. */
        VALID("Mã hợp lệ (thẻ BHYT còn hạn)", "Valid code (card in force)"),
        /** A level-2 presentation whose BHYT card ended last year: REJECTED, CARD_EXPIRED. */
        EXPIRED_CARD("Thẻ BHYT hết hạn", "Expired insurance card"),
        /**
         * The unsigned QR printed on a chip ID card whose holder has a card in the sandbox lookup (registered at
         * facility 01001): VALID, identity unverified, compare the photo, another facility.
         */
        LEGACY_CHIP_CARD("QR trên thẻ căn cước (không ký số)", "Chip ID card QR (unsigned)"),
        /** The chip ID card QR of someone without a card in the sandbox lookup: CHECK_MANUALLY, NO_VALID_CARD. */
        LEGACY_NO_CARD("QR thẻ căn cước, không có thẻ BHYT", "Chip ID card QR, no insurance card"),
        /** A valid presentation with one digit of the signature changed: REJECTED, BAD_SIGNATURE. */
        TAMPERED("Mã bị sửa một chữ số", "Code with one digit altered");

        private final Bilingual label;

        Kind(String labelVi, String labelEn) { label = new Bilingual(labelVi, labelEn); }

        /** @return the label of the sample button, in Vietnamese and English */
        @Override
        public Bilingual text() {
            return label;
        }

        /**
         * The kind named in lower case with hyphens ({@code valid}, {@code expired-card}, {@code legacy-chip-card},
         * {@code legacy-no-card}, {@code tampered}).
         *
         * @param name the name (untrusted)
         * @return the kind, or null when there is none of that name
         */
        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.slug().equals(name)) {
                    return k;
                }
            }
            return null;
        }

        /** @return the name in lower case with hyphens */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A sample code.
     *
     * @param kind what it shows
     * @param text the QR text
     * @param png the QR image
     */
    public record Sample(Kind kind, String text, byte[] png) {
        /**
         * Creates the value.
         *
         * @throws NullPointerException when a component is null
         */
        public Sample {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            png = Objects.requireNonNull(png, "png").clone();
        }

        /** @return a copy of the PNG bytes */
        @Override
        public byte[] png() {
            return png.clone();
        }

        /** @return the kind and the text length */
        @Override
        public String toString() {
            return "Sample[" + kind + ", " + text.length() + " chars]";
        }
    }

    /** The chip-card QR of a made-up person whom neither the sandbox registry nor its lookup knows. */
    static final String NO_CARD_CHIP_QR = "046090001111||Hồ Văn Nam|15071990|Nam|Số 3 Lê Lợi, Phường Thuận Hóa,"
            + " Thành phố Huế|20052022";

    private final SandboxPlatform issuer;
    private final String facility;
    private final String purpose;
    private final QrRenderer renderer = QrRenderer.defaults();

    /**
     * Samples from a sandbox issuer for one hospital.
     *
     * @param issuer the sandbox issuer (the desk's trust store must hold its key)
     * @param facility the hospital's facility code (the codes' audience)
     * @param purpose the codes' purpose
     */
    public SampleCodes(SandboxPlatform issuer, String facility, String purpose) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.facility = Objects.requireNonNull(facility, "facility");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
    }

    /**
     * A sandbox issuer with its samples, dated by a clock.
     *
     * @param clock the clock
     * @param facility the hospital's facility code
     * @param purpose the codes' purpose
     * @return the samples
     */
    public static SampleCodes sandbox(Clock clock, String facility, String purpose) {
        return new SampleCodes(SandboxPlatform.create(clock), facility, purpose);
    }

    /**
     * The SANDBOX health-insurance lookup: the BHYT cards of the sandbox issuer's made-up citizens, as the
     * social-insurance system would hold them.
     *
     * @return the lookup
     */
    public SandboxInsuranceLookup insuranceLookup() {
        return issuer.insuranceLookup();
    }

    /** @return the sandbox issuer's public JWKS (what the desk trusts) */
    public String issuerJwks() {
        return issuer.publicJwksJson();
    }

    /**
     * Issues a fresh sample (a new assertion id each time; valid 10 minutes).
     *
     * @param kind what it should show
     * @return the sample
     */
    public Sample issue(Kind kind) {
        Objects.requireNonNull(kind, "kind");
        String text;
        switch (kind) {
            case VALID:
                text = presentation(citizen("079303012345"));
                break;
            case EXPIRED_CARD:
                text = presentation(citizen("001060007777"));
                break;
            case LEGACY_CHIP_CARD:
                text = SandboxPlatform.legacyChipCardText(citizen("001088001234"));
                break;
            case LEGACY_NO_CARD:
                text = NO_CARD_CHIP_QR;
                break;
            default:
                text = Demo.oneSignatureDigitChanged(presentation(citizen("079303012345")));
                break;
        }
        return new Sample(kind, text, renderer.png(text));
    }

    private CitizenProfile citizen(String personalNumber) {
        return issuer.citizen(personalNumber);
    }

    private String presentation(CitizenProfile citizen) {
        return issuer.hospitalPresentation(citizen.personalNumber().value(), facility, purpose);
    }

    @Override
    public String toString() {
        return "SampleCodes[SANDBOX, " + issuer.issuerId() + ", facility " + facility + "]";
    }
}
