package io.github.eidvn.qr;

/** Internal, stackless control flow for container parsing; never leaves this package. */
final class ContainerFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SignedQrText.Reason reason;

    ContainerFormatException(SignedQrText.Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    SignedQrText.Reason reason() {
        return reason;
    }
}
