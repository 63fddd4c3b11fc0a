package io.github.eidvn.qr;

import com.google.zxing.common.PerspectiveTransform;

/**
 * Where each module of a symbol lies in the image, by four models of the symbol's surface built on its
 * {@link AlignmentGrid}: one homography through the finder patterns and the bottom-right alignment pattern
 * (ZXing's model), the least-squares homography through all located patterns, a homography per cell between four
 * patterns (it follows a bend piece by piece), and the polynomial surface through the whole grid (for a lens or a
 * bend curving within a cell). Each gives the image position of module (x, y) at {@code 2 * (y * dimension + x)} and
 * the next index, as {@link ModuleSampler#sampleAndDecode} takes them.
 */
final class SamplingModels {

    private final AlignmentGrid grid;
    private final int k;
    private final int dimension;
    /** The homography of each cell between four grid slots, row by row. */
    private final PerspectiveTransform[] cells;

    /**
     * The models of a grid whose slots are all placed.
     *
     * @param grid the grid
     */
    SamplingModels(AlignmentGrid grid) {
        this.grid = grid;
        this.k = grid.side();
        this.dimension = grid.dimension();
        cells = new PerspectiveTransform[(k - 1) * (k - 1)];
        for (int j = 0; j < k - 1; j++) {
            for (int i = 0; i < k - 1; i++) {
                int s = j * k + i;
                cells[j * (k - 1) + i] = grid.transform(s, s + 1, s + k, s + k + 1);
            }
        }
    }

    /**
     * A flat symbol in perspective (ZXing's model, with this version): one homography through the finder patterns
     * and the bottom-right alignment pattern.
     *
     * @return the module positions, or null when the bottom-right alignment pattern was not located
     */
    float[] flat() {
        int br = k * k - 1;
        if (!grid.located(br)) {
            return null;
        }
        PerspectiveTransform flat = grid.transform(0, k - 1, (k - 1) * k, br);
        float[] points = new float[2 * dimension * dimension];
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                points[2 * (y * dimension + x)] = x + 0.5f;
                points[2 * (y * dimension + x) + 1] = y + 0.5f;
            }
        }
        flat.transformPoints(points);
        return points;
    }

    /**
     * A flat symbol, the least-squares homography through all located patterns.
     *
     * @return the module positions, or null when the homography cannot be fitted
     */
    float[] leastSquares() {
        LeastSquaresHomography fit = grid.fit();
        if (fit == null) {
            return null;
        }
        float[] points = new float[2 * dimension * dimension];
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                double[] q = fit.apply(x + 0.5, y + 0.5);
                points[2 * (y * dimension + x)] = (float) q[0];
                points[2 * (y * dimension + x) + 1] = (float) q[1];
            }
        }
        return points;
    }

    /**
     * A homography per cell.
     *
     * @return the module positions
     */
    float[] perCell() {
        int[] centers = grid.centers();
        float[] points = new float[2 * dimension * dimension];
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
        return points;
    }

    /**
     * One smooth surface, the tensor-product polynomial through the alignment grid (degree k - 1), for bends and lens
     * distortion that curve within a cell; the finder patterns' slots moved onto the grid first.
     *
     * @return the module positions
     */
    float[] surface() {
        int[] centers = grid.centers();
        double[] gx = new double[k * k];
        double[] gy = new double[k * k];
        for (int s = 0; s < k * k; s++) {
            gx[s] = grid.imageX(s);
            gy[s] = grid.imageY(s);
        }
        int[] corners = {0, k - 1, (k - 1) * k};
        int[] cellOf = {0, k - 2, (k - 2) * (k - 1)};
        for (int c = 0; c < 3; c++) {
            float[] pt = {(float) (grid.moduleX(corners[c]) == 3.5 ? centers[0] + 0.5 : centers[k - 1] + 0.5),
                (float) (grid.moduleY(corners[c]) == 3.5 ? centers[0] + 0.5 : centers[k - 1] + 0.5)};
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
        float[] points = new float[2 * dimension * dimension];
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
        return points;
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

    /** The cell (between alignment pattern rows or columns) that holds module row or column {@code m}. */
    private static int cellIndex(int[] centers, int m) {
        int c = 0;
        while (c < centers.length - 2 && m >= centers[c + 1]) {
            c++;
        }
        return c;
    }
}
