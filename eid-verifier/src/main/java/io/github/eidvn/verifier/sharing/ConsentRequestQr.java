package io.github.eidvn.verifier.sharing;

import java.util.Objects;

import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.RequestReason;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrTextReader;
import io.github.eidvn.qr.SignedQrText;

/**
 * A consent request as a QR code: the party's signed request packed in the digits-only signed QR container
 * ({@link SignedQrText}; the header {@code "typ":"vneid-request+jwt"} is a one-byte member code), and the citizen
 * app's scan-then-verify step.
 *
 * <p><b>Security:</b> the container is transport only; {@link #verifyScanned} rebuilds the exact compact JWS and
 * hands it to the {@link ConsentRequestVerifier}, which checks the party's signature.
 */
public final class ConsentRequestQr {

    private ConsentRequestQr() {
    }

    /**
     * The QR text of a signed request.
     *
     * @param requestJws the compact request from {@code ConsentRequestSigner}
     * @return digits only, starting with {@link SignedQrText#PREFIX}
     * @throws IllegalArgumentException when the text is not an ES256 compact JWS or too large for a QR code
     */
    public static String toQrText(String requestJws) {
        return SignedQrText.encode(Objects.requireNonNull(requestJws, "requestJws"));
    }

    /**
     * Reads a scanned QR text (the digits container, or a plain compact JWS) and verifies the request in it.
     *
     * @param scannedText the text from the scanner or {@code QrImageDecoder} (untrusted)
     * @param verifier the citizen side's request verifier
     * @return the verifier's result; a text that is not a signed request gives {@link RequestRejected} with
     *     {@code MALFORMED}, {@code TOO_LARGE} or {@code WRONG_TYPE}
     */
    public static RequestResult verifyScanned(String scannedText, ConsentRequestVerifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        if (scannedText == null) {
            return new RequestRejected(RequestReason.MALFORMED, "no input");
        }
        QrContent content = QrTextReader.read(scannedText);
        if (content instanceof QrContent.SignedJws) {
            return verifier.verify(((QrContent.SignedJws) content).compactJws());
        }
        if (content instanceof QrContent.UnverifiedChipCard) {
            return new RequestRejected(RequestReason.WRONG_TYPE, "an ID-card QR, not a data-sharing request");
        }
        QrContent.Rejected r = (QrContent.Rejected) content;
        return new RequestRejected(r.reason() == QrContent.Reason.TOO_LARGE ? RequestReason.TOO_LARGE
                : RequestReason.MALFORMED, "QR: " + r.reason() + ": " + r.detail());
    }
}
