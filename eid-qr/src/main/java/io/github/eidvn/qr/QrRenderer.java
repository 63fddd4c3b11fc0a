package io.github.eidvn.qr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import javax.imageio.ImageIO;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * Renders QR codes as PNG, SVG or {@link BufferedImage}: black modules on white, a quiet zone of at least 4 modules,
 * error correction M unless configured. Texts are encoded with minimal segmentation, so a digits-only
 * {@link SignedQrText} stays in numeric mode (and gets exactly the version {@link QrSizes#version} reports).
 * Non-ASCII text is written as UTF-8 with an ECI marker.
 *
 * <pre>{@code
 * QrRenderer renderer = QrRenderer.builder().moduleSize(6).build();
 * byte[] png = renderer.png(SignedQrText.encode(compactJws));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class QrRenderer {

    /** The smallest quiet zone the QR standard allows, in modules. */
    public static final int MIN_QUIET_ZONE = 4;
    private static final int MAX_QUIET_ZONE = 40;
    private static final int MAX_MODULE_SIZE = 100;

    private final QrErrorCorrection errorCorrection;
    private final int moduleSize;
    private final int quietZone;

    private QrRenderer(Builder b) {
        this.errorCorrection = b.errorCorrection == null ? QrErrorCorrection.M : b.errorCorrection;
        this.moduleSize = b.moduleSize == 0 ? 8 : b.moduleSize;
        this.quietZone = b.quietZone < 0 ? MIN_QUIET_ZONE : b.quietZone;
    }

    /**
     * A renderer with the defaults: error correction M, 8 pixels per module, quiet zone 4 modules.
     *
     * @return the default renderer
     */
    public static QrRenderer defaults() {
        return builder().build();
    }

    /**
     * Starts configuring a renderer; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The QR version (1..40) that {@code text} gets with this renderer's error correction.
     *
     * @param text the text
     * @return the version
     * @throws IllegalArgumentException when the text does not fit in a version-40 QR code
     */
    public int version(String text) {
        return encode(text).getVersion().getVersionNumber();
    }

    /**
     * Renders a QR code as an image (type {@link BufferedImage#TYPE_BYTE_BINARY}).
     *
     * @param text the text
     * @return the image, {@code (modules + 2 * quietZone) * moduleSize} pixels square
     * @throws IllegalArgumentException when the text does not fit in a version-40 QR code
     */
    public BufferedImage image(String text) {
        ByteMatrix m = encode(text).getMatrix();
        int n = m.getWidth();
        int size = (n + 2 * quietZone) * moduleSize;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = img.getRaster();
        int[] white = new int[size];
        java.util.Arrays.fill(white, 1);
        for (int y = 0; y < size; y++) {
            raster.setSamples(0, y, size, 1, 0, white);
        }
        int[] black = new int[moduleSize * moduleSize];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (m.get(x, y) == 1) {
                    raster.setSamples((x + quietZone) * moduleSize, (y + quietZone) * moduleSize, moduleSize,
                            moduleSize, 0, black);
                }
            }
        }
        return img;
    }

    /**
     * Renders a QR code as PNG bytes (1 bit per pixel).
     *
     * @param text the text
     * @return the PNG file
     * @throws IllegalArgumentException when the text does not fit in a version-40 QR code
     */
    public byte[] png(String text) {
        BufferedImage img = image(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Renders a QR code as a standalone SVG document: one white background rectangle and one black path, in module
     * units scaled to {@code moduleSize} pixels.
     *
     * @param text the text
     * @return the SVG document
     * @throws IllegalArgumentException when the text does not fit in a version-40 QR code
     */
    public String svg(String text) {
        ByteMatrix m = encode(text).getMatrix();
        int n = m.getWidth();
        int units = n + 2 * quietZone;
        int px = units * moduleSize;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (m.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && m.get(x, y) == 1) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start + quietZone).append(' ').append(y + quietZone)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + px + "\" height=\"" + px
                + "\" viewBox=\"0 0 " + units + " " + units + "\" shape-rendering=\"crispEdges\">\n"
                + "<rect width=\"" + units + "\" height=\"" + units + "\" fill=\"#ffffff\"/>\n"
                + "<path fill=\"#000000\" d=\"" + path + "\"/>\n"
                + "</svg>\n";
    }

    private QRCode encode(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return QrSizes.encode(text, errorCorrection);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code at level " + errorCorrection, e);
        }
    }

    /** Configures a {@link QrRenderer}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private QrErrorCorrection errorCorrection;
        private int moduleSize;
        private int quietZone = -1;

        private Builder() {
        }

        /**
         * Error correction level (default M).
         *
         * @param level the level
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder errorCorrection(QrErrorCorrection level) {
            Objects.requireNonNull(level, "level");
            if (errorCorrection != null) {
                throw new IllegalStateException("errorCorrection already set");
            }
            errorCorrection = level;
            return this;
        }

        /**
         * Pixels per module, 1..100 (default 8).
         *
         * @param pixels pixels per module
         * @return this builder
         * @throws IllegalArgumentException when out of range
         * @throws IllegalStateException when already set
         */
        public Builder moduleSize(int pixels) {
            if (pixels < 1 || pixels > MAX_MODULE_SIZE) {
                throw new IllegalArgumentException("module size must be 1.." + MAX_MODULE_SIZE);
            }
            if (moduleSize != 0) {
                throw new IllegalStateException("moduleSize already set");
            }
            moduleSize = pixels;
            return this;
        }

        /**
         * Quiet zone in modules, 4..40 (default 4, the minimum the QR standard allows).
         *
         * @param modules the quiet zone width in modules
         * @return this builder
         * @throws IllegalArgumentException when out of range
         * @throws IllegalStateException when already set
         */
        public Builder quietZone(int modules) {
            if (modules < MIN_QUIET_ZONE || modules > MAX_QUIET_ZONE) {
                throw new IllegalArgumentException("quiet zone must be " + MIN_QUIET_ZONE + ".." + MAX_QUIET_ZONE);
            }
            if (quietZone >= 0) {
                throw new IllegalStateException("quietZone already set");
            }
            quietZone = modules;
            return this;
        }

        /**
         * Builds the renderer.
         *
         * @return an immutable renderer
         */
        public QrRenderer build() {
            return new QrRenderer(this);
        }
    }
}
