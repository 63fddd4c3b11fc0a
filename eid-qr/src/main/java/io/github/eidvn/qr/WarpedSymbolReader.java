package io.github.eidvn.qr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ResultPoint;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.detector.AlignmentPattern;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPattern;

/**
 * Reads a QR symbol whose grid is not one plane seen in perspective: a card bent in an arc, a wide-angle lens's
 * barrel distortion, or a perspective so strong that the module size varies by a factor of two across the symbol.
 * ZXing's {@link Detector} maps the whole symbol with one homography through three finder patterns and one alignment
 * pattern, estimates the version from the average module size, and gives up when the three finder patterns differ
 * much in size. Here:
 * <ul>
 * <li>the finder patterns are ZXing's choice, else up to {@value #MAX_TRIPLES} plausible triples among its candidates
 * (reported through {@code NEED_RESULT_POINT_CALLBACK});</li>
 * <li>the version is tried over a small range around an estimate that uses each finder pattern's own module size;</li>
 * <li>for each version, every alignment pattern is located in turn, nearest to a located one first: predicted by the
 * homography through the four nearest located patterns (an affine map outside them), searched with ZXing's
 * {@code findAlignmentInRegion} at a few module sizes, and searched again from the least-squares homography of all
 * located ones when missed;</li>
 * <li>the modules are sampled by four models in turn: one homography through the finder patterns and the bottom-right
 * alignment pattern (ZXing's, at this version), the least-squares homography, a homography per cell between four
 * patterns (ZXing's {@link PerspectiveTransform}; it follows a bend piece by piece), and the polynomial surface
 * through the whole grid (for a lens or a bend curving within a cell); each from the binarized image, then from the
 * gray levels against each module's neighbourhood.</li>
 * </ul>
 * The sampled modules go to ZXing's {@link Decoder}, whose Reed-Solomon check rejects a wrong grid.
 */
final class WarpedSymbolReader extends Detector {

    /** How far from the estimated version the versions tried reach. */
    private static final int VERSION_REACH = 2;
    /** At most this many finder-pattern candidates are kept (this many distinct ones), and this many triples tried. */
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_TRIPLES = 4;
    private static final int MAX_DISTINCT = 16;
    /** Smallest distance, in modules, of a control point used for a prediction from the line through two others. */
    private static final double MIN_OFF_LINE = 8;

    /** How far (in modules) a located alignment pattern may lie from its prediction. */
    private static final double MAX_SHIFT = 2.5;
    /** Module sizes tried for an alignment pattern, relative to the grid's local estimate. */
    private static final float[] SIZE_FACTORS = {1f, 0.75f, 1.33f, 1.6f};

    private final BitMatrix bits;
    private final LuminanceSource gray;
    private byte[] grayPixels;

    /**
     * A reader over one binarized image.
     *
     * @param bits the binarized image
     * @param gray its gray levels (same size), or null to sample the binarized image only
     */
    WarpedSymbolReader(BitMatrix bits, LuminanceSource gray) {
        super(bits);
        this.bits = bits;
        this.gray = gray;
    }

    /**
     * Reads the symbol.
     *
     * @param hints ZXing hints for finding the finder patterns
     * @param budget no further version is tried once it is spent
     * @return the text, or null
     */
    String read(Map<DecodeHintType, ?> hints, TimeBudget budget) {
        List<FinderPattern> candidates = new ArrayList<>();
        Map<DecodeHintType, Object> withCallback = new EnumMap<>(DecodeHintType.class);
        withCallback.putAll(hints);
        withCallback.put(DecodeHintType.NEED_RESULT_POINT_CALLBACK, (ResultPointCallback) p -> {
            if (p instanceof FinderPattern && candidates.size() < MAX_CANDIDATES) {
                candidates.add((FinderPattern) p);
            }
        });
        List<ResultPoint[]> triples = new ArrayList<>();
        try {
            ResultPoint[] points = detect(withCallback).getPoints();
            if (points.length >= 3) {
                triples.add(new ResultPoint[] {points[0], points[1], points[2]});
            }
        } catch (NotFoundException | FormatException e) {
            // ZXing found no consistent triple (finder patterns of very different sizes): choose among its candidates
        }
        for (ResultPoint[] t : triples(candidates)) {
            if (triples.isEmpty() || !same(triples.get(0), t)) {
                triples.add(t);
            }
        }
        int tried = 0;
        for (ResultPoint[] t : triples) {
            if (tried++ == MAX_TRIPLES) {
                break;
            }
            String text = readTriple(t[0], t[1], t[2], budget);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Reads with one choice of finder patterns (bottom-left, top-left, top-right), over a range of versions. */
    private String readTriple(ResultPoint bottomLeft, ResultPoint topLeft, ResultPoint topRight, TimeBudget budget) {
        float moduleSize = calculateModuleSize(topLeft, topRight, bottomLeft);
        if (!(moduleSize >= 1f)) {
            return null;
        }
        double dimension = (distance(topLeft, topRight) / pairModuleSize(topLeft, topRight, moduleSize)
                + distance(topLeft, bottomLeft) / pairModuleSize(topLeft, bottomLeft, moduleSize)) / 2 + 7;
        int first = (int) Math.round((dimension - 17) / 4);
        for (int step = 0; step <= 2 * VERSION_REACH; step++) {
            int version = first + ((step & 1) == 0 ? step / 2 : -(step + 1) / 2);
            if (version < 2 || version > 40) {
                continue;
            }
            if (budget.expired()) {
                return null;
            }
            String text = readAs(Version.getVersionForNumber(version), topLeft, topRight, bottomLeft, moduleSize);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** The module size between two finder patterns: the mean of their own estimates, else the detector's. */
    private static double pairModuleSize(ResultPoint a, ResultPoint b, float fallback) {
        if (a instanceof FinderPattern && b instanceof FinderPattern) {
            return (((FinderPattern) a).getEstimatedModuleSize() + ((FinderPattern) b).getEstimatedModuleSize()) / 2;
        }
        return fallback;
    }

    private static boolean same(ResultPoint[] a, ResultPoint[] b) {
        for (int i = 0; i < 3; i++) {
            if (distance(a[i], b[i]) > 2) {
                return false;
            }
        }
        return true;
    }

    private static double distance(ResultPoint a, ResultPoint b) {
        return Math.hypot(a.getX() - b.getX(), a.getY() - b.getY());
    }

    /**
     * Plausible finder-pattern triples among the candidates (duplicates merged), most nearly right-angled first:
     * the angle at the top-left pattern within 40 degrees of a right angle, the two sides within a factor of 3, the
     * module sizes within a factor of 3, at least 14 modules apart.
     */
    private static List<ResultPoint[]> triples(List<FinderPattern> found) {
        List<FinderPattern> distinct = new ArrayList<>();
        for (FinderPattern p : found) {
            boolean duplicate = false;
            for (FinderPattern q : distinct) {
                if (distance(p, q) < 3 * Math.max(p.getEstimatedModuleSize(), q.getEstimatedModuleSize())) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                distinct.add(p);
                if (distinct.size() == MAX_DISTINCT) {
                    break; // a hostile image full of finder-like patterns: C(16, 3) = 560 triples at most
                }
            }
        }
        List<ResultPoint[]> out = new ArrayList<>();
        Map<ResultPoint[], Double> scores = new java.util.IdentityHashMap<>();
        int n = distinct.size();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    ResultPoint[] t = {distinct.get(a), distinct.get(b), distinct.get(c)};
                    ResultPoint.orderBestPatterns(t);
                    double score = plausibility(t);
                    if (score >= 0) {
                        scores.put(t, score);
                        out.add(t);
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingDouble(scores::get));
        return out;
    }

    /** |cos| of the angle at the top-left pattern (lower is better), or -1 when the triple is implausible. */
    private static double plausibility(ResultPoint[] t) {
        FinderPattern bl = (FinderPattern) t[0];
        FinderPattern tl = (FinderPattern) t[1];
        FinderPattern tr = (FinderPattern) t[2];
        double ax = tr.getX() - tl.getX();
        double ay = tr.getY() - tl.getY();
        double bx = bl.getX() - tl.getX();
        double by = bl.getY() - tl.getY();
        double la = Math.hypot(ax, ay);
        double lb = Math.hypot(bx, by);
        double cos = Math.abs((ax * bx + ay * by) / (la * lb));
        float small = Math.min(tl.getEstimatedModuleSize(), Math.min(tr.getEstimatedModuleSize(),
                bl.getEstimatedModuleSize()));
        float large = Math.max(tl.getEstimatedModuleSize(), Math.max(tr.getEstimatedModuleSize(),
                bl.getEstimatedModuleSize()));
        if (cos > Math.cos(Math.toRadians(50)) || la > 3 * lb || lb > 3 * la || large > 3 * small
                || Math.min(la, lb) < 14 * small) {
            return -1;
        }
        return cos;
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

        // the alignment patterns, nearest to a located pattern first, each predicted by the homography through
        // the four nearest located patterns (an affine map while only three are known)
        boolean[] found = known.clone();
        for (int round = 3; round < k * k; round++) {
            int next = nearestUnknown(mx, my, known, found);
            double[] p = predict(mx, my, ix, iy, found, next);
            if (p == null) {
                return null;
            }
            double local = p[2];
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !(local >= 1)) {
                return null;
            }
            AlignmentPattern a = search((float) local, p[0], p[1], 5);
            if (a != null && Math.hypot(a.getX() - p[0], a.getY() - p[1]) <= MAX_SHIFT * local) {
                place(mx, my, ix, iy, known, next, mx[next], my[next], a.getX(), a.getY());
                found[next] = true;
            } else {
                place(mx, my, ix, iy, known, next, mx[next], my[next], p[0], p[1]);
            }
        }

        // a second look at the patterns not found, now predicted from all sides
        for (int t = 0; t < k * k; t++) {
            if (found[t]) {
                continue;
            }
            double[] p = predict(mx, my, ix, iy, found, t);
            if (p == null || !Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !(p[2] >= 1)) {
                continue;
            }
            AlignmentPattern a = search((float) p[2], p[0], p[1], 5);
            boolean near = a != null && Math.hypot(a.getX() - p[0], a.getY() - p[1]) <= MAX_SHIFT * p[2];
            if (!near) {
                // under strong perspective the local maps are poor: the least-squares homography of all found ones
                double[] g = fitted(mx, my, ix, iy, found, mx[t], my[t]);
                if (g != null) {
                    a = search((float) g[2], g[0], g[1], 5);
                    near = a != null && Math.hypot(a.getX() - g[0], a.getY() - g[1]) <= MAX_SHIFT * g[2];
                    p = near ? p : g;
                }
            }
            place(mx, my, ix, iy, known, t, mx[t], my[t], near ? a.getX() : p[0], near ? a.getY() : p[1]);
            found[t] = near;
        }

        PerspectiveTransform[] cells = new PerspectiveTransform[(k - 1) * (k - 1)];
        for (int j = 0; j < k - 1; j++) {
            for (int i = 0; i < k - 1; i++) {
                int s = j * k + i;
                cells[j * (k - 1) + i] = cellTransform(mx, my, ix, iy, s, s + 1, s + k, s + k + 1);
            }
        }
        float[] points = new float[2 * dimension * dimension];
        // model 0: a flat symbol in perspective (ZXing's model, with this version): one homography through the
        // finder patterns and the bottom-right alignment pattern
        int br = k * k - 1;
        if (found[br]) {
            PerspectiveTransform flat = cellTransform(mx, my, ix, iy, 0, k - 1, (k - 1) * k, br);
            for (int y = 0; y < dimension; y++) {
                for (int x = 0; x < dimension; x++) {
                    points[2 * (y * dimension + x)] = x + 0.5f;
                    points[2 * (y * dimension + x) + 1] = y + 0.5f;
                }
            }
            flat.transformPoints(points);
            String text = sampleAndDecode(points, dimension);
            if (text != null) {
                return text;
            }
        }
        // model 0b: a flat symbol, the least-squares homography through all located patterns
        double[] fit = fitted(mx, my, ix, iy, found, Double.NaN, Double.NaN);
        if (fit != null) {
            for (int y = 0; y < dimension; y++) {
                for (int x = 0; x < dimension; x++) {
                    double[] q = apply(fit, x + 0.5, y + 0.5);
                    points[2 * (y * dimension + x)] = (float) q[0];
                    points[2 * (y * dimension + x) + 1] = (float) q[1];
                }
            }
            String text = sampleAndDecode(points, dimension);
            if (text != null) {
                return text;
            }
        }
        // model 1: a homography per cell
        for (int y = 0; y < dimension; y++) {
            int cj = cellIndex(centers, y);
            for (int x = 0; x < dimension; x++) {
                int ci = cellIndex(centers, x);
                float[] pt = {x + 0.5f, y + 0.5f};
                cells[cj * (k - 1) + ci].transformPoints(pt);
                points[2 * (y * dimension + x)] = pt[0];
                points[2 * (y * dimension + x) + 1] = pt[1];
            }
        }
        String text = sampleAndDecode(points, dimension);
        if (text != null) {
            return text;
        }
        // model 2: one smooth surface, the tensor-product polynomial through the alignment grid (degree k - 1), for
        // bends and lens distortion that curve within a cell; the finder patterns' slots moved onto the grid first
        double[] gx = new double[k * k];
        double[] gy = new double[k * k];
        for (int s = 0; s < k * k; s++) {
            gx[s] = ix[s];
            gy[s] = iy[s];
        }
        int[] corners = {0, k - 1, (k - 1) * k};
        int[] cellOf = {0, k - 2, (k - 2) * (k - 1)};
        for (int c = 0; c < 3; c++) {
            float[] pt = {(float) (mx[corners[c]] == 3.5 ? centers[0] + 0.5 : centers[k - 1] + 0.5),
                (float) (my[corners[c]] == 3.5 ? centers[0] + 0.5 : centers[k - 1] + 0.5)};
            cells[cellOf[c]].transformPoints(pt);
            gx[corners[c]] = pt[0];
            gy[corners[c]] = pt[1];
        }
        double[] nodes = new double[k];
        for (int i = 0; i < k; i++) {
            nodes[i] = centers[i] + 0.5;
        }
        double[][] basis = new double[dimension][];
        for (int m = 0; m < dimension; m++) {
            basis[m] = lagrange(nodes, m + 0.5);
        }
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                double px = 0;
                double py = 0;
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < k; i++) {
                        double wgt = basis[x][i] * basis[y][j];
                        px += wgt * gx[j * k + i];
                        py += wgt * gy[j * k + i];
                    }
                }
                points[2 * (y * dimension + x)] = (float) px;
                points[2 * (y * dimension + x) + 1] = (float) py;
            }
        }
        return sampleAndDecode(points, dimension);
    }

    /** The Lagrange basis weights of the nodes at t. */
    private static double[] lagrange(double[] nodes, double t) {
        double[] w = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            double v = 1;
            for (int j = 0; j < nodes.length; j++) {
                if (j != i) {
                    v *= (t - nodes[j]) / (nodes[i] - nodes[j]);
                }
            }
            w[i] = v;
        }
        return w;
    }

    /**
     * Samples the modules at their image positions and decodes: first the binarized image, then (when the gray
     * levels are known) each module's gray level against the mean of the 7×7 modules around it, which keeps the
     * contrast of single modules that a blur has washed out. Null when a module lies outside the image or neither
     * grid decodes.
     */
    private String sampleAndDecode(float[] points, int dimension) {
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

    /** The unlocated slot nearest (in modules) to a located one. */
    private static int nearestUnknown(double[] mx, double[] my, boolean[] known, boolean[] found) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int s = 0; s < known.length; s++) {
            if (known[s]) {
                continue;
            }
            for (int t = 0; t < found.length; t++) {
                double d = found[t] ? Math.hypot(mx[s] - mx[t], my[s] - my[t]) : Double.MAX_VALUE;
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
    private static double[] predict(double[] mx, double[] my, double[] ix, double[] iy, boolean[] found, int s) {
        Integer[] order = new Integer[found.length];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.hypot(mx[a] - mx[s], my[a] - my[s]),
                Math.hypot(mx[b] - mx[s], my[b] - my[s])));
        int[] chosen = new int[4];
        int n = 0;
        for (int t : order) {
            if (!found[t]) {
                continue;
            }
            boolean ok = true;
            for (int x = 0; x < n && ok; x++) {
                for (int y = x + 1; y < n && ok; y++) {
                    ok = offLine(mx, my, chosen[x], chosen[y], t) >= MIN_OFF_LINE;
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
        if (n == 3 || !inside(mx, my, chosen, mx[s], my[s])) {
            // outside the four, a homography through measured (noisy) points extrapolates wildly
            double[] p = affine(mx, my, ix, iy, chosen[0], chosen[1], chosen[2], mx[s], my[s]);
            double[] q = affine(mx, my, ix, iy, chosen[0], chosen[1], chosen[2], mx[s] + 1, my[s]);
            double[] r = affine(mx, my, ix, iy, chosen[0], chosen[1], chosen[2], mx[s], my[s] + 1);
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

    /**
     * The least-squares homography (module to image) through all found slots, at (x, y): x, y and the module size
     * there; null with fewer than five found or a singular fit. Coordinates are normalized for conditioning. With x
     * NaN, the fitted homography itself (for {@link #apply}).
     */
    private static double[] fitted(double[] mx, double[] my, double[] ix, double[] iy, boolean[] found, double x,
            double y) {
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
        double[] h = java.util.Arrays.copyOf(h8, 14);
        h[8] = cmx;
        h[9] = cmy;
        h[10] = sm;
        h[11] = cix;
        h[12] = ciy;
        h[13] = si;
        if (Double.isNaN(x)) {
            return h;
        }
        double[] p = new double[3];
        double[][] q = {apply(h, x, y), apply(h, x + 1, y), apply(h, x, y + 1)};
        p[0] = q[0][0];
        p[1] = q[0][1];
        p[2] = (Math.hypot(q[1][0] - q[0][0], q[1][1] - q[0][1]) + Math.hypot(q[2][0] - q[0][0], q[2][1] - q[0][1]))
                / 2;
        return Double.isFinite(p[0]) && Double.isFinite(p[1]) && p[2] >= 1 ? p : null;
    }

    /** A fitted homography (as {@link #fitted} returns it with x = NaN) at (x, y). */
    private static double[] apply(double[] h, double x, double y) {
        double a = (x - h[8]) / h[10];
        double b = (y - h[9]) / h[10];
        double w = h[6] * a + h[7] * b + 1;
        return new double[] {h[11] + h[13] * (h[0] * a + h[1] * b + h[2]) / w,
            h[12] + h[13] * (h[3] * a + h[4] * b + h[5]) / w};
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

    /** The distance (in modules) of slot t from the line through slots a and b. */
    private static double offLine(double[] mx, double[] my, int a, int b, int t) {
        double cross = (mx[b] - mx[a]) * (my[t] - my[a]) - (my[b] - my[a]) * (mx[t] - mx[a]);
        return Math.abs(cross) / Math.hypot(mx[b] - mx[a], my[b] - my[a]);
    }

    /** Whether (x, y) lies within the bounding box of the chosen slots' module coordinates. */
    private static boolean inside(double[] mx, double[] my, int[] chosen, double x, double y) {
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

    /**
     * ZXing's alignment-pattern search around a predicted point, over a few module sizes (the size along the image
     * rows differs from the grid's where the symbol is sheared): the pattern nearest to the prediction, within
     * {@value #MAX_SHIFT} modules of it, else null.
     */
    private AlignmentPattern search(float moduleSize, double x, double y, int allowance) {
        if (x < 0 || y < 0 || x >= bits.getWidth() || y >= bits.getHeight()) {
            return null;
        }
        AlignmentPattern best = null;
        double bestDistance = MAX_SHIFT * moduleSize;
        for (float f : SIZE_FACTORS) {
            try {
                AlignmentPattern p = findAlignmentInRegion(moduleSize * f, (int) x, (int) y, allowance);
                double d = Math.hypot(p.getX() - x, p.getY() - y);
                if (d <= bestDistance) {
                    best = p;
                    bestDistance = d;
                }
            } catch (NotFoundException e) {
                // another size
            }
        }
        return best;
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
