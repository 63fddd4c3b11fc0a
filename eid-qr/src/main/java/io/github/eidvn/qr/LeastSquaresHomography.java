package io.github.eidvn.qr;

import java.util.Arrays;

/**
 * The least-squares homography from module to image coordinates through any number (five or more) of located
 * control points, fitted on normalized coordinates for conditioning: the model of a flat symbol when more
 * alignment patterns are located than one homography through four points can use.
 */
final class LeastSquaresHomography {

    /** h0..h7 of the normalized homography, then the module centre and scale, then the image centre and scale. */
    private final double[] h;

    private LeastSquaresHomography(double[] h) {
        this.h = h;
    }

    /**
     * Fits the homography through the located control points.
     *
     * @param mx module x of each slot
     * @param my module y of each slot
     * @param ix image x of each slot
     * @param iy image y of each slot
     * @param found which slots are located (only those are used)
     * @return the homography, or null with fewer than five located slots or a singular fit
     */
    static LeastSquaresHomography fit(double[] mx, double[] my, double[] ix, double[] iy, boolean[] found) {
        int n = 0;
        double cmx = 0;
        double cmy = 0;
        double cix = 0;
        double ciy = 0;
        for (int t = 0; t < found.length; t++) {
            if (found[t]) {
                n++;
                cmx += mx[t];
                cmy += my[t];
                cix += ix[t];
                ciy += iy[t];
            }
        }
        if (n < 5) {
            return null;
        }
        cmx /= n;
        cmy /= n;
        cix /= n;
        ciy /= n;
        double sm = 0;
        double si = 0;
        for (int t = 0; t < found.length; t++) {
            if (found[t]) {
                sm += Math.hypot(mx[t] - cmx, my[t] - cmy);
                si += Math.hypot(ix[t] - cix, iy[t] - ciy);
            }
        }
        sm = sm / n;
        si = si / n;
        if (!(sm > 0 && si > 0)) {
            return null;
        }
        // u = (h0 a + h1 b + h2) / (h6 a + h7 b + 1), v = (h3 a + h4 b + h5) / (h6 a + h7 b + 1): normal equations
        double[][] ata = new double[8][9];
        for (int t = 0; t < found.length; t++) {
            if (!found[t]) {
                continue;
            }
            double a = (mx[t] - cmx) / sm;
            double b = (my[t] - cmy) / sm;
            double u = (ix[t] - cix) / si;
            double v = (iy[t] - ciy) / si;
            double[][] rows = {{a, b, 1, 0, 0, 0, -a * u, -b * u, u}, {0, 0, 0, a, b, 1, -a * v, -b * v, v}};
            for (double[] r : rows) {
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 9; j++) {
                        ata[i][j] += r[i] * r[j];
                    }
                }
            }
        }
        double[] h8 = solve(ata);
        if (h8 == null) {
            return null;
        }
        double[] h = Arrays.copyOf(h8, 14);
        h[8] = cmx;
        h[9] = cmy;
        h[10] = sm;
        h[11] = cix;
        h[12] = ciy;
        h[13] = si;
        return new LeastSquaresHomography(h);
    }

    /**
     * The image point of a module point.
     *
     * @param x module x
     * @param y module y
     * @return image x and y
     */
    double[] apply(double x, double y) {
        double a = (x - h[8]) / h[10];
        double b = (y - h[9]) / h[10];
        double w = h[6] * a + h[7] * b + 1;
        return new double[] {h[11] + h[13] * (h[0] * a + h[1] * b + h[2]) / w,
            h[12] + h[13] * (h[3] * a + h[4] * b + h[5]) / w};
    }

    /**
     * The image point of a module point and the module size there.
     *
     * @param x module x
     * @param y module y
     * @return image x, image y and the module size, or null when not finite or the module is under one pixel
     */
    double[] locate(double x, double y) {
        double[] p = new double[3];
        double[][] q = {apply(x, y), apply(x + 1, y), apply(x, y + 1)};
        p[0] = q[0][0];
        p[1] = q[0][1];
        p[2] = (Math.hypot(q[1][0] - q[0][0], q[1][1] - q[0][1]) + Math.hypot(q[2][0] - q[0][0], q[2][1] - q[0][1]))
                / 2;
        return Double.isFinite(p[0]) && Double.isFinite(p[1]) && p[2] >= 1 ? p : null;
    }

    /** Solves the 8×8 system held as an augmented matrix by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-12) {
                return null;
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int j = c; j <= n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }
}
