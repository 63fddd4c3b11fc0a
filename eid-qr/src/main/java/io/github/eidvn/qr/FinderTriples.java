package io.github.eidvn.qr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.ResultPoint;
import com.google.zxing.qrcode.detector.FinderPattern;

/**
 * Choices of three finder patterns among the candidates ZXing's finder reported, for a symbol whose finder patterns
 * differ too much in size for ZXing's own choice (see {@link WarpedSymbolReader}).
 */
final class FinderTriples {

    /** At most this many distinct candidates are combined. */
    private static final int MAX_DISTINCT = 16;

    private FinderTriples() {
    }

    /**
     * Plausible finder-pattern triples among the candidates (duplicates merged), most nearly right-angled first:
     * the angle at the top-left pattern within 40 degrees of a right angle, the two sides within a factor of 3, the
     * module sizes within a factor of 3, at least 14 modules apart. Each triple is ordered bottom-left, top-left,
     * top-right.
     */
    static List<ResultPoint[]> plausible(List<FinderPattern> found) {
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
        Map<ResultPoint[], Double> scores = new IdentityHashMap<>();
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
        out.sort(Comparator.comparingDouble(scores::get));
        return out;
    }

    /** Whether two triples name the same three points (within two pixels each). */
    static boolean same(ResultPoint[] a, ResultPoint[] b) {
        for (int i = 0; i < 3; i++) {
            if (distance(a[i], b[i]) > 2) {
                return false;
            }
        }
        return true;
    }

    static double distance(ResultPoint a, ResultPoint b) {
        return Math.hypot(a.getX() - b.getX(), a.getY() - b.getY());
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
}
