package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;

/** The clean-up filters of the hard passes, and the time budget that bounds them on hostile images. */
class PhotoFiltersTest {

    private static LuminanceSource gray(int w, int h, int... pixels) {
        byte[] b = new byte[w * h];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) pixels[i];
        }
        return new PlanarYUVLuminanceSource(b, w, h, 0, 0, w, h, false);
    }

    @Test
    void median3_isolatedNoisePixel_removedAndEdgeKept() {
        // a lone white speck on black, and a vertical edge black | white
        LuminanceSource src = gray(6, 3,
                0, 0, 0, 255, 255, 255,
                0, 255, 0, 255, 255, 255,
                0, 0, 0, 255, 255, 255);
        byte[] out = PhotoFilters.median3(src).getMatrix();
        assertThat(out[6 + 1] & 0xFF).isZero();
        for (int y = 0; y < 3; y++) {
            assertThat(out[y * 6] & 0xFF).isZero();
            assertThat(out[y * 6 + 4] & 0xFF).isEqualTo(255);
        }
        assertThat(src.getMatrix()[7] & 0xFF).as("input unchanged").isEqualTo(255);
    }

    @Test
    void unsharp_blurredEdge_steeperAndClamped() {
        int[] row = {100, 100, 100, 110, 130, 150, 160, 160, 160};
        int[] px = new int[row.length * 3];
        for (int y = 0; y < 3; y++) {
            System.arraycopy(row, 0, px, y * row.length, row.length);
        }
        byte[] out = PhotoFilters.unsharp(gray(row.length, 3, px), 1, 2.0).getMatrix();
        int w = row.length;
        // darker below the edge, lighter above it, flat far from it
        assertThat(out[w + 3] & 0xFF).isLessThan(110);
        assertThat(out[w + 5] & 0xFF).isGreaterThan(150);
        assertThat(out[w] & 0xFF).isEqualTo(100);
        assertThat(out[w + 8] & 0xFF).isEqualTo(160);
        byte[] strong = PhotoFilters.unsharp(gray(3, 1, 0, 255, 0), 1, 10).getMatrix();
        assertThat(strong[0] & 0xFF).isZero();
        assertThat(strong[1] & 0xFF).isEqualTo(255);
    }

    @Test
    void decode_imageFullOfFinderLikePatterns_notFoundWithinTheBudget() {
        // 100 finder patterns (7x7 modules: ring, gap, 3x3 core) on a grid: many triples, none a symbol
        int m = 6;
        BufferedImage img = new BufferedImage(1200, 1200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 1200);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                int ox = 30 + x * 115;
                int oy = 30 + y * 115;
                g.setColor(Color.BLACK);
                g.fillRect(ox, oy, 7 * m, 7 * m);
                g.setColor(Color.WHITE);
                g.fillRect(ox + m, oy + m, 5 * m, 5 * m);
                g.setColor(Color.BLACK);
                g.fillRect(ox + 2 * m, oy + 2 * m, 3 * m, 3 * m);
            }
        }
        g.dispose();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        QrScanResult r = QrImageDecoder.decode(img);
        long cpuMs = (threads.getCurrentThreadCpuTime() - before) / 1_000_000;
        assertThat(r).isInstanceOf(QrScanResult.Failed.class);
        assertThat(((QrScanResult.Failed) r).reason()).isEqualTo(QrScanResult.Reason.NOT_FOUND);
        // a stall guard, not a speed target: the hard passes stop at the budget, plus the pass under way
        assertThat(cpuMs).isLessThan(QrImageDecoder.TIME_BUDGET_MS * 5);
    }
}
