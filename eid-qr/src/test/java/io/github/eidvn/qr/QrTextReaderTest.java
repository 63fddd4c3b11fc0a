package io.github.eidvn.qr;

import io.github.eidvn.core.identity.Sex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.Vectors;

class QrTextReaderTest {

    private static final String LEGACY =
            "001099012345|123456789|Nguyễn Văn An|01021990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15062021";

    private static QrContent.Rejected rejected(String text) {
        QrContent c = QrTextReader.read(text);
        assertThat(c).isInstanceOf(QrContent.Rejected.class);
        return (QrContent.Rejected) c;
    }

    private static LegacyChipCardData legacy(String text) {
        QrContent c = QrTextReader.read(text);
        assertThat(c).as("%s", c).isInstanceOf(QrContent.UnverifiedChipCard.class);
        return ((QrContent.UnverifiedChipCard) c).data();
    }

    private static QrContent.SignedJws jws(String text) {
        QrContent c = QrTextReader.read(text);
        assertThat(c).as("%s", c).isInstanceOf(QrContent.SignedJws.class);
        return (QrContent.SignedJws) c;
    }

    @Test
    void read_signedDigits_givesTheJws() {
        String compact = JwsFixtures.realistic(11, 300);
        QrContent.SignedJws r = jws(SignedQrText.encode(compact) + "\r\n");
        assertThat(r.compactJws()).isEqualTo(compact);
        assertThat(r.source()).isEqualTo(QrContent.Source.SIGNED_DIGITS);
    }

    @Test
    void read_damagedSignedDigits_rejectedAsMalformedSignedQr() {
        String text = SignedQrText.encode(JwsFixtures.realistic(12, 300));
        QrContent.Rejected r = rejected(text.substring(0, text.length() - 1));
        assertThat(r.reason()).isEqualTo(QrContent.Reason.MALFORMED_SIGNED_QR);
        assertThat(r.detail()).startsWith("BAD_LENGTH");
        assertThat(rejected("842" + text.substring(3)).detail()).startsWith("UNSUPPORTED_VERSION");
    }

    @Test
    void read_otherDigits_unrecognised() {
        assertThat(rejected("001099012345").reason()).isEqualTo(QrContent.Reason.UNRECOGNISED);
        assertThat(rejected("84912345678").reason()).isEqualTo(QrContent.Reason.UNRECOGNISED);
        assertThat(rejected("1".repeat(500)).reason()).isEqualTo(QrContent.Reason.UNRECOGNISED);
    }

    @Test
    void read_plainCompactJws_givesItself() throws IOException {
        String compact = Files.readString(Vectors.path("rfc7515-a3-es256", "jws-compact.txt")).strip();
        QrContent.SignedJws r = jws(compact + "\n");
        assertThat(r.compactJws()).isEqualTo(compact);
        assertThat(r.source()).isEqualTo(QrContent.Source.COMPACT_JWS);
    }

    @Test
    void read_jwsShapedButBroken_rejectedAsMalformedJws() {
        String p = JwsFixtures.b64(new byte[8]);
        String s = JwsFixtures.b64(new byte[64]);
        String notObject = JwsFixtures.b64("[\"alg\"]".getBytes(StandardCharsets.UTF_8));
        assertThat(rejected(notObject + "." + p + "." + s).reason()).isEqualTo(QrContent.Reason.MALFORMED_JWS);
        assertThat(rejected("eyJhbGciOiJFUzI1NiJ9." + p + ".").reason()).isEqualTo(QrContent.Reason.MALFORMED_JWS);
        assertThat(rejected("eyJhbGciOiJFUzI1NiJ9." + p + ".A").reason()).isEqualTo(QrContent.Reason.MALFORMED_JWS);
        assertThat(rejected("a.b").reason()).isEqualTo(QrContent.Reason.UNRECOGNISED);
        assertThat(rejected("https://example.com/a.b.c").reason()).isEqualTo(QrContent.Reason.UNRECOGNISED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01"})
    void read_smartHealthCardExamples_giveExactlyThePublishedJws(String n) throws IOException {
        String numeric = Files.readString(Vectors.path("smart-health-cards",
                "example-" + n + "-f-qr-code-numeric-value-0.txt"), StandardCharsets.US_ASCII);
        String expected = Files.readString(Vectors.path("smart-health-cards", "example-" + n + "-d-jws.txt"),
                StandardCharsets.US_ASCII);
        QrContent.SignedJws r = jws(numeric);
        assertThat(r.compactJws()).isEqualTo(expected);
        assertThat(r.source()).isEqualTo(QrContent.Source.SMART_HEALTH_CARD);
        assertThat(QrSizes.smartHealthCardNumeric(r.compactJws())).isEqualTo(numeric);
    }

    @Test
    void read_smartHealthCardVariants_multiChunkUnsupported_badDigitsMalformed() {
        assertThat(rejected("shc:/1/2/5676290952432060").reason()).isEqualTo(QrContent.Reason.UNSUPPORTED);
        assertThat(rejected("shc:/1/2/5676290952432060").detail()).contains("multi-chunk");
        assertThat(rejected("shc:/567").reason()).isEqualTo(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD);
        assertThat(rejected("shc:/").reason()).isEqualTo(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD);
        assertThat(rejected("shc:/7878").reason()).isEqualTo(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD);
        assertThat(rejected("shc:/56a6").reason()).isEqualTo(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD);
        assertThat(rejected("shc:/5676").reason()).isEqualTo(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD);
        String jws = JwsFixtures.realistic(13, 50);
        assertThat(jws(QrSizes.smartHealthCardNumeric(jws).replace("shc:/", "SHC:/")).compactJws()).isEqualTo(jws);
    }

    @Test
    void read_legacyChipCard_parsedAsUnverifiedData() {
        LegacyChipCardData d = legacy(LEGACY + "\n");
        assertThat(d.personalNumber()).isEqualTo("001099012345");
        assertThat(d.oldIdNumber()).contains("123456789");
        assertThat(d.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1990, 2, 1));
        assertThat(d.sex()).isEqualTo(Sex.MALE);
        assertThat(d.address()).isEqualTo("Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội");
        assertThat(d.issueDate()).isEqualTo(LocalDate.of(2021, 6, 15));
        assertThat(d.verified()).isFalse();
        assertThat(d.toString()).contains("UNVERIFIED").doesNotContain("Nguyễn").doesNotContain("001099012345")
                .doesNotContain("1990");
    }

    @Test
    void read_legacyChipCard_emptyCmndAndFemaleVariants() {
        String[] female = {"Nữ", "NỮ", "nữ", Normalizer.normalize("Nữ", Normalizer.Form.NFD), " Nữ "};
        for (String g : female) {
            LegacyChipCardData d = legacy("079303001234||Trần Thị Bích|29022004|" + g + "|TP Hồ Chí Minh|01032021");
            assertThat(d.sex()).as(g).isEqualTo(Sex.FEMALE);
            assertThat(d.oldIdNumber()).isEqualTo(Optional.empty());
            assertThat(d.birthDate()).isEqualTo(LocalDate.of(2004, 2, 29));
        }
        String nfdName = Normalizer.normalize("Trần Thị Bích", Normalizer.Form.NFD);
        assertThat(legacy("079303001234||" + nfdName + "|29022004|Nữ|TP Hồ Chí Minh|01032021").fullName())
                .isEqualTo("Trần Thị Bích");
        assertThat(legacy("079303001234||X|29022004|NAM|Y|01032021").sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void read_legacyChipCard_sexTypedWithoutDiacritics_female() {
        for (String g : new String[] {"Nu", "NU", "nu"}) {
            assertThat(legacy("079303001234||Trần Thị Bích|29022004|" + g + "|TP Hồ Chí Minh|01032021").sex())
                    .as(g).isEqualTo(Sex.FEMALE);
        }
    }

    @Test
    void read_legacyChipCard2024WithMoreFields_knownLeadingFieldsRead() {
        LegacyChipCardData d = legacy(LEGACY + "|Nguyễn Văn Bố|Trần Thị Mẹ|\n");
        assertThat(d.personalNumber()).isEqualTo("001099012345");
        assertThat(d.issueDate()).isEqualTo(LocalDate.of(2021, 6, 15));
        assertThat(legacy(LEGACY + "|").address()).isEqualTo("Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00109901234|123456789|A|01021990|Nam|B|15062021", // 11-digit number
        "00109901234X|123456789|A|01021990|Nam|B|15062021",
        "001099012345|12345678|A|01021990|Nam|B|15062021", // CMND of 8 digits
        "001099012345|123456789||01021990|Nam|B|15062021", // empty name
        "001099012345|123456789|A|31021990|Nam|B|15062021", // 31 February
        "001099012345|123456789|A|29021990|Nam|B|15062021", // not a leap year
        "001099012345|123456789|A|1021990|Nam|B|15062021",
        "001099012345|123456789|A|01021990|Male|B|15062021",
        "001099012345|123456789|A|01021990|Nuu|B|15062021",
        "001099012345|123456789|A|01021990|Nam| |15062021", // blank address
        "001099012345|123456789|A|01021990|Nam|B|1506202|extra", // 8 fields, the seventh bad
        "001099012345|123456789|A|01021990|Nam|B", // 6 fields
        "001099012345|123456789|A|01021990|Nam|B|01011980", // issued before birth
        "001099012345|123456789|A\u0007|01021990|Nam|B|15062021", // control character
    })
    void read_badLegacyChipCard_rejectedAsMalformed(String text) {
        assertThat(rejected(text).reason()).isEqualTo(QrContent.Reason.MALFORMED_CHIP_CARD);
    }

    @Test
    void read_otherTexts_rejectedWithTheirReason() {
        assertThat(rejected("").reason()).isEqualTo(QrContent.Reason.EMPTY);
        assertThat(rejected("\r\n").reason()).isEqualTo(QrContent.Reason.EMPTY);
        assertThat(rejected("https://vneid.gov.vn/").reason()).isEqualTo(QrContent.Reason.UNRECOGNISED);
        assertThat(rejected("a|b|c").reason()).isEqualTo(QrContent.Reason.UNRECOGNISED);
        assertThat(rejected(" " + LEGACY).reason()).isEqualTo(QrContent.Reason.MALFORMED_CHIP_CARD);
        assertThat(rejected("x".repeat(8001)).reason()).isEqualTo(QrContent.Reason.TOO_LARGE);
        assertThat(rejected(LEGACY + "x".repeat(8000)).reason()).isEqualTo(QrContent.Reason.TOO_LARGE);
        assertThatThrownBy(() -> QrTextReader.read(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void reasons_haveEnglishAndVietnameseMessages() {
        for (QrContent.Reason r : QrContent.Reason.values()) {
            assertThat(r.english()).isNotBlank();
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
        }
    }
}
