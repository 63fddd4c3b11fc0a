package io.github.eidvn.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR error correction level (ISO/IEC 18004): the share of codewords that may be lost and still recovered. */
public enum QrErrorCorrection {
    /** About 7 % recovery. */
    L(ErrorCorrectionLevel.L),
    /** About 15 % recovery; the default for eID QR codes. */
    M(ErrorCorrectionLevel.M),
    /** About 25 % recovery. */
    Q(ErrorCorrectionLevel.Q),
    /** About 30 % recovery. */
    H(ErrorCorrectionLevel.H);

    private final ErrorCorrectionLevel zxing;

    QrErrorCorrection(ErrorCorrectionLevel zxing) {
        this.zxing = zxing;
    }

    ErrorCorrectionLevel zxing() {
        return zxing;
    }
}
