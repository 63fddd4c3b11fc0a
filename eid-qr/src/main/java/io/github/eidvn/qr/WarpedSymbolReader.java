package io.github.eidvn.qr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ResultPoint;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.common.BitMatrix;
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
 * The sampled modules go to ZXing's {@link Decoder}, whose Reed-Solomon check rejects a wrong grid. This class
 * chooses the finder patterns and versions and locates the alignment patterns; {@link FinderTriples} proposes the
 * triples, {@link AlignmentGrid} holds and predicts the control points, {@link SamplingModels} builds the four models
 * and {@link ModuleSampler} samples and decodes.
 */
final class WarpedSymbolReader extends Detector {

    /** How far from the estimated version the versions tried reach. */
    private static final int VERSION_REACH = 2;
    /** At most this many finder-pattern candidates are kept, and this many triples tried. */
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_TRIPLES = 4;

    /** How far (in modules) a located alignment pattern may lie from its prediction. */
    private static final double MAX_SHIFT = 2.5;
    /** Module sizes tried for an alignment pattern, relative to the grid's local estimate. */
    private static final float[] SIZE_FACTORS = {1f, 0.75f, 1.33f, 1.6f};

    private final BitMatrix bits;
    private final ModuleSampler sampler;

    /**
     * A reader over one binarized image.
     *
     * @param bits the binarized image
     * @param gray its gray levels (same size), or null to sample the binarized image only
     */
    WarpedSymbolReader(BitMatrix bits, LuminanceSource gray) {
        super(bits);
        this.bits = bits;
        this.sampler = new ModuleSampler(bits, gray);
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
        for (ResultPoint[] t : FinderTriples.plausible(candidates)) {
            if (triples.isEmpty() || !FinderTriples.same(triples.get(0), t)) {
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
        double across = FinderTriples.distance(topLeft, topRight) / pairModuleSize(topLeft, topRight, moduleSize);
        double down = FinderTriples.distance(topLeft, bottomLeft) / pairModuleSize(topLeft, bottomLeft, moduleSize);
        double dimension = (across + down) / 2 + 7;
        int first = (int) Math.round((dimension - 17) / 4);
        for (int step = 0; step <= 2 * VERSION_REACH; step++) {
            int version = first + ((step & 1) == 0 ? step / 2 : -(step + 1) / 2);
            if (version < 2 || version > 40) {
                continue;
            }
            if (budget.expired()) {
                return null;
            }
            String text = readAs(Version.getVersionForNumber(version), topLeft, topRight, bottomLeft);
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

    /** Reads as one version: locates its alignment patterns, then samples by each model in turn. */
    private String readAs(Version version, ResultPoint topLeft, ResultPoint topRight, ResultPoint bottomLeft) {
        AlignmentGrid grid = new AlignmentGrid(version, topLeft, topRight, bottomLeft);
        if (!locate(grid)) {
            return null;
        }
        SamplingModels models = new SamplingModels(grid);
        int dimension = grid.dimension();
        float[] flat = models.flat();
        String text = flat == null ? null : sampler.sampleAndDecode(flat, dimension);
        if (text != null) {
            return text;
        }
        float[] leastSquares = models.leastSquares();
        text = leastSquares == null ? null : sampler.sampleAndDecode(leastSquares, dimension);
        if (text != null) {
            return text;
        }
        text = sampler.sampleAndDecode(models.perCell(), dimension);
        if (text != null) {
            return text;
        }
        return sampler.sampleAndDecode(models.surface(), dimension);
    }

    /**
     * Places every alignment pattern of the grid, nearest to a located pattern first, each predicted by the
     * homography through the four nearest located patterns (an affine map while only three are known); then takes a
     * second look at the patterns not found, predicted from all sides.
     *
     * @return false when a prediction fails (the located patterns on one line, or a degenerate map)
     */
    private boolean locate(AlignmentGrid grid) {
        int slots = grid.slots();
        for (int round = 3; round < slots; round++) {
            int next = grid.nearestUnplaced();
            double[] p = grid.predict(next);
            if (p == null) {
                return false;
            }
            double local = p[2];
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !(local >= 1)) {
                return false;
            }
            AlignmentPattern a = search((float) local, p[0], p[1], 5);
            if (a != null && Math.hypot(a.getX() - p[0], a.getY() - p[1]) <= MAX_SHIFT * local) {
                grid.place(next, a.getX(), a.getY(), true);
            } else {
                grid.place(next, p[0], p[1], false);
            }
        }

        for (int t = 0; t < slots; t++) {
            if (grid.located(t)) {
                continue;
            }
            double[] p = grid.predict(t);
            if (p == null || !Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !(p[2] >= 1)) {
                continue;
            }
            AlignmentPattern a = search((float) p[2], p[0], p[1], 5);
            boolean near = a != null && Math.hypot(a.getX() - p[0], a.getY() - p[1]) <= MAX_SHIFT * p[2];
            if (!near) {
                // under strong perspective the local maps are poor: the least-squares homography of all found ones
                LeastSquaresHomography fit = grid.fit();
                double[] g = fit == null ? null : fit.locate(grid.moduleX(t), grid.moduleY(t));
                if (g != null) {
                    a = search((float) g[2], g[0], g[1], 5);
                    near = a != null && Math.hypot(a.getX() - g[0], a.getY() - g[1]) <= MAX_SHIFT * g[2];
                    p = near ? p : g;
                }
            }
            grid.place(t, near ? a.getX() : p[0], near ? a.getY() : p[1], near);
        }
        return true;
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
}
