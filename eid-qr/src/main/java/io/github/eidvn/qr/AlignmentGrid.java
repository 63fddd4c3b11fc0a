package io.github.eidvn.qr;

import java.util.Arrays;

import com.google.zxing.ResultPoint;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Version;

/**
 * The control points of a symbol read as one version: one slot per alignment-pattern position (k × k for k
 * alignment-pattern rows), each with its module coordinates and, once placed, its image coordinates. The three corner
 * slots hold the finder patterns' centres (3 modules off the alignment grid); the others are placed either where an
 * alignment pattern was located or where one was predicted. Predictions use the located slots only.
 */
final class AlignmentGrid {

    /** Smallest distance, in modules, of a control point used for a prediction from the line through two others. */
    private static final double MIN_OFF_LINE = 8;

    private final int[] centers;
    private final int k;
    private final int dimension;
    private final double[] mx;
    private final double[] my;
    private final double[] ix;
    private final double[] iy;
    private final boolean[] placed;
    private final boolean[] located;

    /**
     * The grid of a version with its three finder patterns placed.
     *
     * @param version the version tried
     * @param topLeft the top-left finder pattern's centre in the image
     * @param topRight the top-right one's
     * @param bottomLeft the bottom-left one's
     */
    AlignmentGrid(Version version, ResultPoint topLeft, ResultPoint topRight, ResultPoint bottomLeft) {
        dimension = version.getDimensionForVersion();
        centers = version.getAlignmentPatternCenters();
        k = centers.length;
        mx = new double[k * k];
        my = new double[k * k];
        ix = new double[k * k];
        iy = new double[k * k];
        placed = new boolean[k * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                mx[j * k + i] = centers[i] + 0.5;
                my[j * k + i] = centers[j] + 0.5;
            }
        }
        double far = dimension - 3.5;
        placeFinder(0, 3.5, 3.5, topLeft);
        placeFinder(k - 1, far, 3.5, topRight);
        placeFinder((k - 1) * k, 3.5, far, bottomLeft);
        located = placed.clone();
    }

    private void placeFinder(int s, double moduleX, double moduleY, ResultPoint p) {
        mx[s] = moduleX;
        my[s] = moduleY;
        ix[s] = p.getX();
        iy[s] = p.getY();
        placed[s] = true;
    }

    /** @return the number of slots, k × k */
    int slots() {
        return k * k;
    }

    /** @return the number of alignment-pattern rows (and columns), k */
    int side() {
        return k;
    }

    /** @return the symbol's size in modules */
    int dimension() {
        return dimension;
    }

    /** @return the version's alignment-pattern row and column coordinates (shared: do not modify) */
    int[] centers() {
        return centers;
    }

    double moduleX(int s) {
        return mx[s];
    }

    double moduleY(int s) {
        return my[s];
    }

    double imageX(int s) {
        return ix[s];
    }

    double imageY(int s) {
        return iy[s];
    }

    /** @return whether slot s holds a located pattern (rather than a prediction, or nothing yet) */
    boolean located(int s) {
        return located[s];
    }

    /**
     * Places slot s at an image point.
     *
     * @param s the slot
     * @param x image x
     * @param y image y
     * @param found whether a pattern was located there (else it is a prediction)
     */
    void place(int s, double x, double y, boolean found) {
        ix[s] = x;
        iy[s] = y;
        placed[s] = true;
        located[s] = found;
    }

    /** The unplaced slot nearest (in modules) to a located one. */
    int nearestUnplaced() {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int s = 0; s < placed.length; s++) {
            if (placed[s]) {
                continue;
            }
            for (int t = 0; t < located.length; t++) {
                double d = located[t] ? Math.hypot(mx[s] - mx[t], my[s] - my[t]) : Double.MAX_VALUE;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = s;
                }
            }
        }
        return best;
    }

    /**
     * Where slot s should be: the homography through the four located slots nearest to it (no three near a line:
     * the finder patterns' centres sit 3 modules off the alignment grid, nearly in line with its first row), or
     * the affine map through three; null when the located slots are all on one line. Returns x, y and the module
     * size there.
     */
    double[] predict(int s) {
        Integer[] order = new Integer[located.length];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.hypot(mx[a] - mx[s], my[a] - my[s]),
                Math.hypot(mx[b] - mx[s], my[b] - my[s])));
        int[] chosen = new int[4];
        int n = 0;
        for (int t : order) {
            if (!located[t]) {
                continue;
            }
            boolean ok = true;
            for (int x = 0; x < n && ok; x++) {
                for (int y = x + 1; y < n && ok; y++) {
                    ok = offLine(chosen[x], chosen[y], t) >= MIN_OFF_LINE;
                }
            }
            if (ok) {
                chosen[n++] = t;
                if (n == 4) {
                    break;
                }
            }
        }
        if (n < 3) {
            return null;
        }
        if (n == 3 || !inside(chosen, mx[s], my[s])) {
            // outside the four, a homography through measured (noisy) points extrapolates wildly
            double[] p = affine(chosen[0], chosen[1], chosen[2], mx[s], my[s]);
            double[] q = affine(chosen[0], chosen[1], chosen[2], mx[s] + 1, my[s]);
            double[] r = affine(chosen[0], chosen[1], chosen[2], mx[s], my[s] + 1);
            return new double[] {p[0], p[1], (Math.hypot(q[0] - p[0], q[1] - p[1])
                    + Math.hypot(r[0] - p[0], r[1] - p[1])) / 2};
        }
        PerspectiveTransform h = PerspectiveTransform.quadrilateralToQuadrilateral(
                (float) mx[chosen[0]], (float) my[chosen[0]], (float) mx[chosen[1]], (float) my[chosen[1]],
                (float) mx[chosen[2]], (float) my[chosen[2]], (float) mx[chosen[3]], (float) my[chosen[3]],
                (float) ix[chosen[0]], (float) iy[chosen[0]], (float) ix[chosen[1]], (float) iy[chosen[1]],
                (float) ix[chosen[2]], (float) iy[chosen[2]], (float) ix[chosen[3]], (float) iy[chosen[3]]);
        float[] pt = {(float) mx[s], (float) my[s], (float) mx[s] + 1, (float) my[s], (float) mx[s],
            (float) my[s] + 1};
        h.transformPoints(pt);
        return new double[] {pt[0], pt[1], (Math.hypot(pt[2] - pt[0], pt[3] - pt[1])
                + Math.hypot(pt[4] - pt[0], pt[5] - pt[1])) / 2};
    }

    /** @return the least-squares homography through the located slots, or null (see its {@code fit}) */
    LeastSquaresHomography fit() {
        return LeastSquaresHomography.fit(mx, my, ix, iy, located);
    }

    /**
     * The homography from module to image coordinates through four slots.
     *
     * @param a the top-left slot
     * @param b the top-right slot
     * @param c the bottom-left slot
     * @param d the bottom-right slot
     * @return the homography
     */
    PerspectiveTransform transform(int a, int b, int c, int d) {
        // corners in the order top-left, top-right, bottom-right, bottom-left
        return PerspectiveTransform.quadrilateralToQuadrilateral(
                (float) mx[a], (float) my[a], (float) mx[b], (float) my[b],
                (float) mx[d], (float) my[d], (float) mx[c], (float) my[c],
                (float) ix[a], (float) iy[a], (float) ix[b], (float) iy[b],
                (float) ix[d], (float) iy[d], (float) ix[c], (float) iy[c]);
    }

    /** The distance (in modules) of slot t from the line through slots a and b. */
    private double offLine(int a, int b, int t) {
        double cross = (mx[b] - mx[a]) * (my[t] - my[a]) - (my[b] - my[a]) * (mx[t] - mx[a]);
        return Math.abs(cross) / Math.hypot(mx[b] - mx[a], my[b] - my[a]);
    }

    /** Whether (x, y) lies within the bounding box of the chosen slots' module coordinates. */
    private boolean inside(int[] chosen, double x, double y) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int c : chosen) {
            minX = Math.min(minX, mx[c]);
            maxX = Math.max(maxX, mx[c]);
            minY = Math.min(minY, my[c]);
            maxY = Math.max(maxY, my[c]);
        }
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    /** The affine map through slots a, b, c (module to image), evaluated at (x, y). */
    private double[] affine(int a, int b, int c, double x, double y) {
        double e1x = mx[b] - mx[a];
        double e1y = my[b] - my[a];
        double e2x = mx[c] - mx[a];
        double e2y = my[c] - my[a];
        double det = e1x * e2y - e1y * e2x;
        double qx = x - mx[a];
        double qy = y - my[a];
        double s = (qx * e2y - qy * e2x) / det;
        double t = (e1x * qy - e1y * qx) / det;
        return new double[] {ix[a] + s * (ix[b] - ix[a]) + t * (ix[c] - ix[a]),
            iy[a] + s * (iy[b] - iy[a]) + t * (iy[c] - iy[a])};
    }
}
