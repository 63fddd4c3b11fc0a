package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.CheckInDecision.Decision;

class DemoTest {

    @TempDir
    Path dir;

    private Demo.Result run(Instant now, StringBuilder output) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.Result r;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            r = Demo.run(out, dir.resolve("eid-demo"), Clock.fixed(now, ZoneOffset.UTC));
        }
        output.append(bytes.toString(StandardCharsets.UTF_8));
        return r;
    }

    @Test
    void demo_showsEveryDecision() throws Exception {
        StringBuilder out = new StringBuilder();
        Demo.Result r = run(Instant.parse("2026-09-17T03:00:00Z"), out);
        assertThat(r.asExpected()).isTrue();
        assertThat(r.valid().decision()).isEqualTo(Decision.VALID);
        assertThat(r.valid().patient().orElseThrow().name()).hasValue("Nguyễn Thị Minh Khai");
        assertThat(r.valid().insurance().orElseThrow().number()).isEqualTo("HS4790120878811");
        assertThat(r.valid().insurance().orElseThrow().benefitLevel()).isEqualTo(BenefitLevel.LEVEL_4);
        assertThat(r.valid().insurance().orElseThrow().baseCoveragePercent()).isEqualTo(80);
        assertThat(r.valid().insurance().orElseThrow().validFrom()).hasToString("2026-01-01");
        assertThat(r.valid().insurance().orElseThrow().validTo()).hasToString("2026-12-31");
        assertThat(r.valid().insurance().orElseThrow().facility()).isEqualTo("79024");
        assertThat(r.replayed().reason()).hasValue(Reason.REPLAYED);
        assertThat(r.tampered().reason()).hasValue(Reason.BAD_SIGNATURE);
        // Công văn 931/BYT-BH: the card's QR is the key of the insurance lookup; the card is found, the identity is not
        // verified (compare the photo on the ID card with the patient)
        assertThat(r.legacy().decision()).isEqualTo(Decision.VALID);
        assertThat(r.legacy().status()).isEqualTo(CheckInDecision.Status.VALID_IDENTITY_UNVERIFIED);
        assertThat(r.legacy().insurance().orElseThrow().number()).isEqualTo("HS4790120878811");
        assertThat(r.legacy().patient().orElseThrow().verified()).isFalse();
        assertThat(r.qrVersion()).isBetween(12, 15);

        assertThat(r.png()).exists();
        assertThat(r.svg()).exists();
        assertThat(Files.readString(r.svg())).contains("<svg");
        assertThat(QrImageDecoder.decode(Files.readAllBytes(r.png()))).isEqualTo(new QrScanResult.Found(r.qrText()));
        assertThat(r.qrText()).containsOnlyDigits().startsWith("841");

        String text = out.toString();
        assertThat(text).contains("[DEMO]", "Nguyễn Thị Minh Khai", "REPLAYED", "BAD_SIGNATURE",
                "VALID / VALID_IDENTITY_UNVERIFIED", "đối chiếu ảnh", "compare the photo", "SMART Health Card", "base45", "Mức hưởng", "benefit level", "Done:");
        // Vietnamese first, English second
        assertThat(text.indexOf("Quét lại cùng mã QR")).isLessThan(text.indexOf("The same QR scanned again"));
        assertThat(text.indexOf(r.valid().vietnamese())).isLessThan(text.indexOf(r.valid().english()));
    }

    @Test
    void demo_neverGoesStale_datesFollowTheClock() throws Exception {
        Demo.Result r = run(Instant.parse("2031-03-02T08:00:00Z"), new StringBuilder());
        assertThat(r.asExpected()).isTrue();
        assertThat(r.valid().insurance().orElseThrow().validTo()).hasToString("2031-12-31");
    }

    @Test
    void demo_newYearInVietnamWhileStillDecember31InUtc_valid() throws Exception {
        Demo.Result r = run(Instant.parse("2026-12-31T17:30:00Z"), new StringBuilder());
        assertThat(r.valid().decision()).isEqualTo(Decision.VALID);
        assertThat(r.valid().checkedOn()).hasToString("2027-01-01");
        assertThat(r.valid().insurance().orElseThrow().validFrom()).hasToString("2027-01-01");
    }
}
