package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.RequestReason;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.qr.SignedQrText;

class ConsentRequestQrTest {

    private static final Set<CitizenField> EKYC = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
            CitizenField.BIRTHDATE, CitizenField.GENDER, CitizenField.NATIONALITY, CitizenField.PERMANENT_RESIDENCE,
            CitizenField.CURRENT_RESIDENCE, CitizenField.PHONE_NUMBER);

    private final SharingWorld w = new SharingWorld();

    private ConsentRequestSigner.Signed request() {
        return w.signer.request("bank-ekyc", EKYC).purposeText("Mở tài khoản thanh toán trực tuyến")
                .responseUri("https://ekyc.vcb-bank.example.vn/cb").sign();
    }

    @Test
    void requestQr_isDigitsOnlyCompactAndVerifiesAfterScanning() {
        ConsentRequestSigner.Signed signed = request();
        String text = ConsentRequestQr.toQrText(signed.compactJws());
        assertThat(text).startsWith(SignedQrText.PREFIX).containsOnlyDigits();
        // header 37 bytes, ~230 bytes of deflated claims and the 64-byte signature: well under 1,000 digits
        assertThat(text.length()).isLessThan(1000);
        assertThat(QrRenderer.defaults().version(text)).isLessThanOrEqualTo(20);
        RequestResult r = ConsentRequestQr.verifyScanned(text + "\r\n", w.requests);
        assertThat(r).isInstanceOf(VerifiedRequest.class);
        assertThat(((VerifiedRequest) r).request().nonce()).isEqualTo(signed.request().nonce());
    }

    @Test
    void requestQr_typIsTheContainersOneByteMember() {
        String jws = request().compactJws();
        String text = ConsentRequestQr.toQrText(jws);
        SignedQrText.Decoded d = (SignedQrText.Decoded) SignedQrText.decode(text);
        assertThat(d.compactJws()).isEqualTo(jws);
        // flag byte (members coding, 4 members) then 0x00 alg ES256, 0x02 typ vneid-request+jwt
        String bodyDigits = text.substring(3, 3 + 17);
        long firstChunk = Long.parseLong(bodyDigits);
        assertThat(firstChunk >>> 48).isEqualTo(0x44);
        assertThat((firstChunk >>> 40) & 0xFF).isEqualTo(0x00);
        assertThat((firstChunk >>> 32) & 0xFF).isEqualTo(0x02);
    }

    @Test
    void requestQr_renderedAndDecodedFromThePicture_verifies() {
        String text = ConsentRequestQr.toQrText(request().compactJws());
        byte[] png = QrRenderer.defaults().png(text);
        QrScanResult scan = QrImageDecoder.decode(png);
        assertThat(scan).isInstanceOf(QrScanResult.Found.class);
        assertThat(ConsentRequestQr.verifyScanned(((QrScanResult.Found) scan).text(), w.requests))
                .isInstanceOf(VerifiedRequest.class);
    }

    @Test
    void scannedTextThatIsNotARequest_rejectedWithAReason() {
        assertThat(((RequestRejected) ConsentRequestQr.verifyScanned("hello", w.requests)).reason())
                .isEqualTo(RequestReason.MALFORMED);
        assertThat(((RequestRejected) ConsentRequestQr.verifyScanned(
                "079303012345||Nguyễn Thị Minh Khai|17052003|Nữ|Quận 3, TP. Hồ Chí Minh|01012021", w.requests))
                .reason()).isEqualTo(RequestReason.WRONG_TYPE);
        String text = ConsentRequestQr.toQrText(request().compactJws());
        String flipped = text.substring(0, 40) + (text.charAt(40) == '1' ? '2' : '1') + text.substring(41);
        assertThat(ConsentRequestQr.verifyScanned(flipped, w.requests)).isInstanceOf(RequestRejected.class);
        assertThat(((RequestRejected) ConsentRequestQr.verifyScanned("9".repeat(9000), w.requests)).reason())
                .isEqualTo(RequestReason.TOO_LARGE);
    }
    @Test
    void noScannedText_rejectedMalformed() {
        RequestRejected r = (RequestRejected) ConsentRequestQr.verifyScanned(null, w.requests);
        assertThat(r.reason()).isEqualTo(RequestReason.MALFORMED);
        assertThat(r.detail()).isEqualTo("no input");
    }
}
