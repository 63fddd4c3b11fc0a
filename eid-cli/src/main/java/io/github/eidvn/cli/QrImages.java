package io.github.eidvn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrScanResult;

/** The QR code in an image file given on the command line. */
final class QrImages {

    private QrImages() {
    }

    /**
     * Reads the image (a file over {@link QrImageDecoder#MAX_INPUT_BYTES} is not read: {@code IMAGE_TOO_LARGE}) and
     * decodes its QR code.
     *
     * @param image the file
     * @return what was found
     * @throws IOException when the file cannot be read
     */
    static QrScanResult scan(Path image) throws IOException {
        if (Files.size(image) > QrImageDecoder.MAX_INPUT_BYTES) {
            return new QrScanResult.Failed(QrScanResult.Reason.IMAGE_TOO_LARGE, "image file too large");
        }
        return QrImageDecoder.decode(Files.readAllBytes(image));
    }
}
