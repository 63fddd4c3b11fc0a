package io.github.eidvn.qr;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;

/**
 * Clean-up filters for hard photos, on gray levels (ZXing has none): a 3×3 median against sensor noise and JPEG
 * ringing, and an unsharp mask (box mean) against focus and motion blur. Both return a new source; the input is not changed.
 */
final class PhotoFilters {

    private PhotoFilters() {
    }

    /**
     * The 3×3 median of every pixel (edge pixels use their clamped neighbours).
     *
     * @param source the gray levels
     * @return the filtered copy
     */
    static LuminanceSource median3(LuminanceSource source) {
        int w = source.getWidth();
        int h = source.getHeight();
        byte[] in = source.getMatrix();
        byte[] out = new byte[w * h];
        int[] win = new int[9];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - 1) * w;
            int y1 = y * w;
            int y2 = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - 1);
                int x2 = Math.min(w - 1, x + 1);
                win[0] = in[y0 + x0] & 0xFF;
                win[1] = in[y0 + x] & 0xFF;
                win[2] = in[y0 + x2] & 0xFF;
                win[3] = in[y1 + x0] & 0xFF;
                win[4] = in[y1 + x] & 0xFF;
                win[5] = in[y1 + x2] & 0xFF;
                win[6] = in[y2 + x0] & 0xFF;
                win[7] = in[y2 + x] & 0xFF;
                win[8] = in[y2 + x2] & 0xFF;
                out[y1 + x] = (byte) median9(win);
            }
        }
        return gray(out, w, h);
    }

    /**
     * Unsharp mask: {@code p + amount·(p − mean(p))}, the mean over a (2r+1)² box (summed-area table), clamped to
     * 0..255. A box about a module wide undoes much of a focus or motion blur of that size.
     *
     * @param source the gray levels
     * @param radius the box's half width in pixels (at least 1)
     * @param amount how much of the difference to add (1 doubles the local contrast)
     * @return the sharpened copy
     */
    static LuminanceSource unsharp(LuminanceSource source, int radius, double amount) {
        int w = source.getWidth();
        int h = source.getHeight();
        byte[] in = source.getMatrix();
        long[] sum = new long[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0;
            for (int x = 0; x < w; x++) {
                row += in[y * w + x] & 0xFF;
                sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
            }
        }
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - radius);
            int y1 = Math.min(h, y + radius + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - radius);
                int x1 = Math.min(w, x + radius + 1);
                long box = sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1] - sum[y1 * (w + 1) + x0]
                        + sum[y0 * (w + 1) + x0];
                double mean = (double) box / ((y1 - y0) * (x1 - x0));
                int p = in[y * w + x] & 0xFF;
                long v = Math.round(p + amount * (p - mean));
                out[y * w + x] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return gray(out, w, h);
    }

    private static LuminanceSource gray(byte[] pixels, int w, int h) {
        return new PlanarYUVLuminanceSource(pixels, w, h, 0, 0, w, h, false);
    }

    /** The median of nine values (partial selection sort; the array is reordered). */
    private static int median9(int[] v) {
        for (int i = 0; i <= 4; i++) {
            int min = i;
            for (int j = i + 1; j < 9; j++) {
                if (v[j] < v[min]) {
                    min = j;
                }
            }
            int t = v[i];
            v[i] = v[min];
            v[min] = t;
        }
        return v[4];
    }
}
