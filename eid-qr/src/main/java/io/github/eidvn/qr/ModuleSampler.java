package io.github.eidvn.qr;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

/**
 * Reads the modules of a symbol at given image positions and decodes them with ZXing's {@link Decoder}, whose
 * Reed-Solomon check rejects a wrong grid: first from the binarized image, then (when the gray levels are known)
 * each module's gray level against the mean of the 7×7 modules around it, which keeps the contrast of single modules
 * that a blur has washed out.
 */
final class ModuleSampler {

    private final BitMatrix bits;
    private final LuminanceSource gray;
    private byte[] grayPixels;

    /**
     * A sampler over one image.
     *
     * @param bits the binarized image
     * @param gray its gray levels (same size), or null to sample the binarized image only
     */
    ModuleSampler(BitMatrix bits, LuminanceSource gray) {
        this.bits = bits;
        this.gray = gray;
    }

    /**
     * Samples the modules at their image positions and decodes.
     *
     * @param points the image position of module (x, y) at {@code 2 * (y * dimension + x)} and the next index
     * @param dimension the symbol's size in modules
     * @return the text, or null when a module lies outside the image or neither grid decodes
     */
    String sampleAndDecode(float[] points, int dimension) {
        BitMatrix grid = new BitMatrix(dimension);
        int width = bits.getWidth();
        int height = bits.getHeight();
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                float px = points[2 * (y * dimension + x)];
                float py = points[2 * (y * dimension + x) + 1];
                if (!(px >= 0 && py >= 0 && px < width && py < height)) {
                    return null;
                }
                if (bits.get((int) px, (int) py)) {
                    grid.set(x, y);
                }
            }
        }
        String text = decode(grid);
        if (text != null || gray == null) {
            return text;
        }
        double[] level = new double[dimension * dimension];
        for (int i = 0; i < level.length; i++) {
            level[i] = grayAt(points[2 * i], points[2 * i + 1]);
        }
        double[] sum = new double[(dimension + 1) * (dimension + 1)];
        for (int y = 0; y < dimension; y++) {
            double row = 0;
            for (int x = 0; x < dimension; x++) {
                row += level[y * dimension + x];
                sum[(y + 1) * (dimension + 1) + x + 1] = sum[y * (dimension + 1) + x + 1] + row;
            }
        }
        grid.clear();
        for (int y = 0; y < dimension; y++) {
            int y0 = Math.max(0, y - 3);
            int y1 = Math.min(dimension, y + 4);
            for (int x = 0; x < dimension; x++) {
                int x0 = Math.max(0, x - 3);
                int x1 = Math.min(dimension, x + 4);
                double box = sum[y1 * (dimension + 1) + x1] - sum[y0 * (dimension + 1) + x1]
                        - sum[y1 * (dimension + 1) + x0] + sum[y0 * (dimension + 1) + x0];
                if (level[y * dimension + x] < box / ((y1 - y0) * (x1 - x0))) {
                    grid.set(x, y);
                }
            }
        }
        return decode(grid);
    }

    /** The gray level at (x, y), bilinear. */
    private double grayAt(float x, float y) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        double fx = Math.max(0, Math.min(w - 1.001, x - 0.5));
        double fy = Math.max(0, Math.min(h - 1.001, y - 0.5));
        int x0 = (int) fx;
        int y0 = (int) fy;
        double ax = fx - x0;
        double ay = fy - y0;
        byte[] m = grayMatrix();
        double top = (m[y0 * w + x0] & 0xFF) * (1 - ax) + (m[y0 * w + x0 + 1] & 0xFF) * ax;
        double bottom = (m[(y0 + 1) * w + x0] & 0xFF) * (1 - ax) + (m[(y0 + 1) * w + x0 + 1] & 0xFF) * ax;
        return top * (1 - ay) + bottom * ay;
    }

    private byte[] grayMatrix() {
        if (grayPixels == null) {
            grayPixels = gray.getMatrix();
        }
        return grayPixels;
    }

    private static String decode(BitMatrix grid) {
        try {
            return new Decoder().decode(grid).getText();
        } catch (ChecksumException | FormatException e) {
            return null;
        }
    }
}
