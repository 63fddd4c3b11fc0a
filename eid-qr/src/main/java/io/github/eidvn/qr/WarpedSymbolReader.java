package io.github.eidvn.qr;

import java.util.Map;

import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.detector.AlignmentPattern;
import com.google.zxing.qrcode.detector.Detector;

/**
 * Reads a QR symbol whose grid is not one plane seen in perspective: a card bent in an arc, a wide-angle lens's
 * barrel distortion, or a perspective so strong that the module size varies by a factor of two across the symbol.
 * ZXing's {@link Detector} maps the whole symbol with one homography through three finder patterns and one alignment
 * pattern, and estimates the version from the average module size; here the version is tried over a small range
 * around that estimate, and for each, every alignment pattern is located in turn (a wavefront from the top-left
 * finder pattern, each predicted from its located neighbours and searched with ZXing's
 * {@code findAlignmentInRegion}). Each cell between four located patterns gets its own homography (ZXing's
 * {@link PerspectiveTransform}), so the sampling grid follows the curved surface piece by piece. The sampled modules
 * go to ZXing's {@link Decoder}, whose Reed-Solomon check rejects a wrong grid.
 */
final class WarpedSymbolReader extends Detector {

    /** How far from the estimated version the versions tried reach. */
    private static final int VERSION_REACH = 3;

    private final BitMatrix bits;

    WarpedSymbolReader(BitMatrix bits) {
        super(bits);
        this.bits = bits;
    }

    /**
     * Reads the symbol.
     *
     * @param hints ZXing hints for finding the finder patterns
     * @param deadline {@link System#nanoTime()} after which no further version is tried
     * @return the text, or null
     */
    String read(Map<DecodeHintType, ?> hints, long deadline) {
        ResultPoint[] points;
        int zxingDimension;
        try {
            DetectorResult d = detect(hints);
            points = d.getPoints();
            zxingDimension = d.getBits().getHeight();
        } catch (NotFoundException | FormatException e) {
            return null;
        }
        if (points.length < 3) {
            return null;
        }
        ResultPoint bottomLeft = points[0];
        ResultPoint topLeft = points[1];
        ResultPoint topRight = points[2];
        float moduleSize = calculateModuleSize(topLeft, topRight, bottomLeft);
        if (!(moduleSize >= 1f)) {
            return null;
        }
        int first = (zxingDimension - 17) / 4;
        for (int step = 0; step <= 2 * VERSION_REACH; step++) {
            int version = first + ((step & 1) == 0 ? step / 2 : -(step + 1) / 2);
            if (version < 2 || version > 40) {
                continue;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            String text = readAs(Version.getVersionForNumber(version), topLeft, topRight, bottomLeft, moduleSize);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private String readAs(Version version, ResultPoint topLeft, ResultPoint topRight, ResultPoint bottomLeft,
            float moduleSize) {
        int dimension = version.getDimensionForVersion();
        int[] centers = version.getAlignmentPatternCenters();
        int k = centers.length;
        // control points: module coordinates (mx, my) and image coordinates (ix, iy) per grid slot
        double[] mx = new double[k * k];
        double[] my = new double[k * k];
        double[] ix = new double[k * k];
        double[] iy = new double[k * k];
        boolean[] known = new boolean[k * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                mx[j * k + i] = centers[i] + 0.5;
                my[j * k + i] = centers[j] + 0.5;
            }
        }
        double far = dimension - 3.5;
        place(mx, my, ix, iy, known, 0, 3.5, 3.5, topLeft.getX(), topLeft.getY());
        place(mx, my, ix, iy, known, k - 1, far, 3.5, topRight.getX(), topRight.getY());
        place(mx, my, ix, iy, known, (k - 1) * k, 3.5, far, bottomLeft.getX(), bottomLeft.getY());

        // the bottom-right alignment pattern first, from the parallelogram of the three finder patterns
        int br = k * k - 1;
        double u = (mx[br] - 3.5) / (far - 3.5);
        double v = (my[br] - 3.5) / (far - 3.5);
        double px = topLeft.getX() + u * (topRight.getX() - topLeft.getX()) + v * (bottomLeft.getX() - topLeft.getX());
        double py = topLeft.getY() + u * (topRight.getY() - topLeft.getY()) + v * (bottomLeft.getY() - topLeft.getY());
        AlignmentPattern found = search(moduleSize, px, py, 16);
        if (found != null) {
            place(mx, my, ix, iy, known, br, mx[br], my[br], found.getX(), found.getY());
        } else {
            place(mx, my, ix, iy, known, br, mx[br], my[br], px, py);
        }
        PerspectiveTransform global = cellTransform(mx, my, ix, iy, 0, k - 1, (k - 1) * k, br);

        // the others, as a wavefront from the top-left corner
        for (int sum = 1; sum <= 2 * (k - 1); sum++) {
            for (int i = Math.max(0, sum - (k - 1)); i <= Math.min(k - 1, sum); i++) {
                int j = sum - i;
                int s = j * k + i;
                if (known[s]) {
                    continue;
                }
                double[] p = predict(mx, my, ix, iy, known, k, i, j, global);
                double local = localModuleSize(mx, my, ix, iy, known, k, i, j, moduleSize);
                AlignmentPattern a = search((float) local, p[0], p[1], 5);
                if (a != null && Math.hypot(a.getX() - p[0], a.getY() - p[1]) <= 3 * local) {
                    place(mx, my, ix, iy, known, s, mx[s], my[s], a.getX(), a.getY());
                } else {
                    place(mx, my, ix, iy, known, s, mx[s], my[s], p[0], p[1]);
                }
            }
        }

        PerspectiveTransform[] cells = new PerspectiveTransform[(k - 1) * (k - 1)];
        for (int j = 0; j < k - 1; j++) {
            for (int i = 0; i < k - 1; i++) {
                int s = j * k + i;
                cells[j * (k - 1) + i] = cellTransform(mx, my, ix, iy, s, s + 1, s + k, s + k + 1);
            }
        }
        BitMatrix grid = new BitMatrix(dimension);
        float[] pt = new float[2];
        int width = bits.getWidth();
        int height = bits.getHeight();
        for (int y = 0; y < dimension; y++) {
            int cj = cellIndex(centers, y);
            for (int x = 0; x < dimension; x++) {
                int ci = cellIndex(centers, x);
                pt[0] = x + 0.5f;
                pt[1] = y + 0.5f;
                cells[cj * (k - 1) + ci].transformPoints(pt);
                int sx = (int) pt[0];
                int sy = (int) pt[1];
                if (pt[0] < 0 || pt[1] < 0 || sx >= width || sy >= height) {
                    return null;
                }
                if (bits.get(sx, sy)) {
                    grid.set(x, y);
                }
            }
        }
        try {
            DecoderResult r = new Decoder().decode(grid);
            return r.getText();
        } catch (ChecksumException | FormatException e) {
            return null;
        }
    }

    /** The cell (between alignment pattern rows or columns) that holds module row or column {@code m}. */
    private static int cellIndex(int[] centers, int m) {
        int c = 0;
        while (c < centers.length - 2 && m >= centers[c + 1]) {
            c++;
        }
        return c;
    }

    private static void place(double[] mx, double[] my, double[] ix, double[] iy, boolean[] known, int s,
            double moduleX, double moduleY, double imageX, double imageY) {
        mx[s] = moduleX;
        my[s] = moduleY;
        ix[s] = imageX;
        iy[s] = imageY;
        known[s] = true;
    }

    /**
     * Where slot (i, j) should be: the affine map through its three located neighbours up and to the left when
     * there are three, else the global homography corrected by the nearest located neighbours' displacement.
     */
    private static double[] predict(double[] mx, double[] my, double[] ix, double[] iy, boolean[] known, int k,
            int i, int j, PerspectiveTransform global) {
        int s = j * k + i;
        if (i > 0 && j > 0 && known[s - 1] && known[s - k] && known[s - k - 1]) {
            return affine(mx, my, ix, iy, s - k - 1, s - 1, s - k, mx[s], my[s]);
        }
        float[] g = {(float) mx[s], (float) my[s]};
        global.transformPoints(g);
        double dx = 0;
        double dy = 0;
        int n = 0;
        for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
                int ni = i + di;
                int nj = j + dj;
                if ((di != 0 || dj != 0) && ni >= 0 && nj >= 0 && ni < k && nj < k && known[nj * k + ni]) {
                    int t = nj * k + ni;
                    float[] q = {(float) mx[t], (float) my[t]};
                    global.transformPoints(q);
                    dx += ix[t] - q[0];
                    dy += iy[t] - q[1];
                    n++;
                }
            }
        }
        return n == 0 ? new double[] {g[0], g[1]} : new double[] {g[0] + dx / n, g[1] + dy / n};
    }

    /** The affine map through slots a, b, c (module to image), evaluated at (x, y). */
    private static double[] affine(double[] mx, double[] my, double[] ix, double[] iy, int a, int b, int c,
            double x, double y) {
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

    /** The module size near slot (i, j): image distance over module distance to its located neighbours. */
    private static double localModuleSize(double[] mx, double[] my, double[] ix, double[] iy, boolean[] known, int k,
            int i, int j, double fallback) {
        double sum = 0;
        int n = 0;
        int[][] pairs = {{-1, 0}, {0, -1}, {-1, -1}};
        for (int[] d : pairs) {
            int ai = i + d[0];
            int aj = j + d[1];
            for (int[] e : pairs) {
                int bi = ai + e[0];
                int bj = aj + e[1];
                if (ai < 0 || aj < 0 || bi < 0 || bj < 0 || !known[aj * k + ai] || !known[bj * k + bi]) {
                    continue;
                }
                int a = aj * k + ai;
                int b = bj * k + bi;
                double m = Math.hypot(mx[a] - mx[b], my[a] - my[b]);
                if (m > 0) {
                    sum += Math.hypot(ix[a] - ix[b], iy[a] - iy[b]) / m;
                    n++;
                }
            }
        }
        return n == 0 ? fallback : sum / n;
    }

    private AlignmentPattern search(float moduleSize, double x, double y, int allowance) {
        if (x < 0 || y < 0 || x >= bits.getWidth() || y >= bits.getHeight()) {
            return null;
        }
        for (int a = Math.min(4, allowance); a <= allowance; a <<= 1) {
            try {
                return findAlignmentInRegion(moduleSize, (int) x, (int) y, a);
            } catch (NotFoundException e) {
                // try a wider region
            }
        }
        return null;
    }

    private static PerspectiveTransform cellTransform(double[] mx, double[] my, double[] ix, double[] iy, int a,
            int b, int c, int d) {
        // corners in the order top-left, top-right, bottom-right, bottom-left
        return PerspectiveTransform.quadrilateralToQuadrilateral(
                (float) mx[a], (float) my[a], (float) mx[b], (float) my[b],
                (float) mx[d], (float) my[d], (float) mx[c], (float) my[c],
                (float) ix[a], (float) iy[a], (float) ix[b], (float) iy[b],
                (float) ix[d], (float) iy[d], (float) ix[c], (float) iy[c]);
    }
}
