/**
 * eid QR: the digits-only signed QR container, QR images, legacy chip-card QR and SMART Health Card numeric QR.
 */
module io.github.eidvn.qr {
    requires transitive io.github.eidvn.core;
    requires transitive java.desktop;
    requires java.management;
    requires com.google.zxing;
    requires com.google.zxing.javase;

    exports io.github.eidvn.qr;

}
