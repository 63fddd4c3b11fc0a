package io.github.eidvn.core.internal;

import java.math.BigInteger;

import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Fast P-256 double-scalar multiplication u1·G + u2·Q for ECDSA verification, on Bouncy Castle's P-256 field
 * arithmetic ({@link SecP256R1Field}: 8 × 32-bit limbs, results fully reduced mod p).
 *
 * <p>Method: Lim-Lee combs sharing one chain of doublings: for a public key a comb of width 8 and 32 columns
 * (255 affine points, about 24 KB, made once per key object), for G a comb of width 12 and 22 columns (4,095
 * points, made when this class is loaded). Per column one Jacobian doubling and up to two mixed (Jacobian +
 * affine) additions: 31 doublings and at most 54 additions in all, no allocation. Formulas (a = -3): dbl-2001-b and madd-2007-bl of the Explicit
 * Formulas Database, with every exceptional case of the addition handled (the accumulator at infinity, equal
 * points: doubling, opposite points: infinity).
 *
 * <p><b>Security:</b> {@link #xMatches} and the comb are variable time (branches and table look-ups depend on the
 * scalars), which is right for verification only, where every input (the signature, the message hash, the public
 * key) is public. The one computation with a secret scalar, k·G when signing, is {@link FixedBase}, which has no
 * branch or memory access that depends on k. Both run on Bouncy Castle's P-256 field arithmetic, as Bouncy
 * Castle's own constant-time comb does: its modular correction steps branch on carries, a timing difference of a
 * few cycles that Bouncy Castle accepts for its own signing as well.
 */
final class P256 {

    /** Comb width (teeth) and column count of a public key's table: 8 × 32 = 256 bits. */
    private static final int WIDTH = 8;
    private static final int COLUMNS = 32;
    /** The same for G, whose table is shared: 12 × 22 = 264 bits. */
    private static final int G_WIDTH = 12;
    private static final int G_COLUMNS = 22;

    private static final BigInteger P_BIG = new BigInteger(
            "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);

    private P256() {
    }

    /** The comb table of G, made when this class is loaded. */
    static final Comb G = Comb.of(
            new BigInteger("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296", 16),
            new BigInteger("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5", 16),
            G_WIDTH, G_COLUMNS);

    /**
     * The comb table of a point B with {@code width} teeth {@code columns} apart: entry v (1 .. 2^width - 1) is
     * the affine point sum of 2^(columns·j)·B over the bits j of v. Immutable once built.
     */
    static final class Comb {
        final int width;
        final int columns;
        final int[][] x;
        final int[][] y;

        private Comb(int width, int columns) {
            this.width = width;
            this.columns = columns;
            this.x = new int[1 << width][];
            this.y = new int[1 << width][];
        }

        /**
         * Builds a public key's table (width 8, 32 columns) for a point of P-256 (the caller has checked that it
         * is on the curve and finite).
         *
         * @param bx affine x
         * @param by affine y
         * @return the table
         */
        static Comb of(BigInteger bx, BigInteger by) {
            return of(bx, by, WIDTH, COLUMNS);
        }

        static Comb of(BigInteger bx, BigInteger by, int width, int columns) {
            if (width * columns < 256 || width > 16) {
                throw new IllegalArgumentException("comb too small or too large");
            }
            Comb t = new Comb(width, columns);
            Work w = new Work();
            int size = 1 << width;
            int[][] jx = new int[size][];
            int[][] jy = new int[size][];
            int[][] jz = new int[size][];
            // the teeth 2^(columns·j)·B, in Jacobian, each from the previous by `columns` doublings
            w.setAffine(Nat256.fromBigInteger(bx), Nat256.fromBigInteger(by));
            int[] teeth = new int[width];
            for (int j = 0; j < width; j++) {
                if (j > 0) {
                    for (int i = 0; i < columns; i++) {
                        w.twice();
                    }
                }
                w.store(jx, jy, jz, 1 << j);
                teeth[j] = 1 << j;
            }
            // normalise the teeth so that the other entries can be made by mixed additions
            normalize(jx, jy, jz, teeth, t);
            int[] rest = new int[size - 1 - width];
            int n = 0;
            for (int v = 1; v < size; v++) {
                int high = Integer.highestOneBit(v);
                if (high == v) {
                    continue;
                }
                int low = v ^ high;
                if (Integer.bitCount(low) == 1) {
                    w.setAffine(t.x[low], t.y[low]);
                } else {
                    w.load(jx, jy, jz, low);
                }
                w.addAffine(t.x[high], t.y[high]);
                if (w.infinity) {
                    throw new IllegalStateException("comb entry at infinity: not a point of prime order");
                }
                w.store(jx, jy, jz, v);
                rest[n++] = v;
            }
            normalize(jx, jy, jz, rest, t);
            return t;
        }

        /** Batch conversion of some Jacobian entries to affine, into the table. */
        private static void normalize(int[][] jx, int[][] jy, int[][] jz, int[] which, Comb t) {
            int[][] x = new int[which.length][];
            int[][] y = new int[which.length][];
            int[][] z = new int[which.length][];
            for (int i = 0; i < which.length; i++) {
                x[i] = jx[which[i]].clone();
                y[i] = jy[which[i]].clone();
                z[i] = jz[which[i]];
            }
            toAffine(x, y, z);
            for (int i = 0; i < which.length; i++) {
                t.x[which[i]] = x[i];
                t.y[which[i]] = y[i];
            }
        }
    }

    /**
     * Converts Jacobian points to affine in place (x and y overwritten) with one inversion (Montgomery's trick).
     * Variable time: for tables of public points only. No point may be at infinity (Z = 0).
     */
    static void toAffine(int[][] x, int[][] y, int[][] z) {
        int[] tt = Nat256.createExt();
        int[][] prefix = new int[z.length][];
        int[] acc = z[0].clone();
        prefix[0] = acc.clone();
        for (int i = 1; i < z.length; i++) {
            SecP256R1Field.multiply(acc, z[i], acc, tt);
            prefix[i] = acc.clone();
        }
        int[] inv = Nat256.create();
        SecP256R1Field.inv(acc, inv);
        int[] zInv = Nat256.create();
        int[] zInv2 = Nat256.create();
        for (int i = z.length - 1; i >= 0; i--) {
            if (i > 0) {
                SecP256R1Field.multiply(inv, prefix[i - 1], zInv, tt);
                SecP256R1Field.multiply(inv, z[i], inv, tt);
            } else {
                Nat256.copy(inv, zInv);
            }
            SecP256R1Field.square(zInv, zInv2, tt);
            SecP256R1Field.multiply(x[i], zInv2, x[i], tt);
            SecP256R1Field.multiply(zInv2, zInv, zInv2, tt);
            SecP256R1Field.multiply(y[i], zInv2, y[i], tt);
        }
    }

    /**
     * Constant-time fixed-base multiplication k·G for signing: 52 signed windows of 5 bits (Booth recoding, digits
     * -16..16), no doublings. Window i adds d_i·32^i·G, read from a table of j·32^i·G (j = 1..16, 832 affine
     * points, 53 KB, made on first use) by a look-up that reads all 16 entries of the window through masks, then
     * negated through a mask when d_i &lt; 0; the mixed addition is always computed, and the new accumulator is
     * chosen by masks among the sum, the table point (accumulator still at infinity) and the old accumulator
     * (digit 0). No branch and no memory address depends on k.
     *
     * <p>No exceptional addition can occur for 0 &lt; k &lt; n: before window i the accumulator is v·G with
     * |v| &lt; 32^i/1.9 (a sum of earlier digits of at most 16 times their weight), so v = 0 only before the first
     * non-zero digit (handled by the mask), and v is never ±d·32^i for d ≠ 0; the sum v ± d·32^i stays below n in
     * absolute value (the last digit is at most 4 since k &lt; 2^256), so no equality modulo n appears either.
     */
    static final class FixedBase {
        private static final int WINDOWS = 52;
        private static final int ENTRIES = 16;
        /** x then y of j·32^i·G at ((i·16) + j - 1)·16. */
        private static final int[] TABLE = build();
        private static final int[] ONE = {1, 0, 0, 0, 0, 0, 0, 0};
        private static final int[] P = Nat256.fromBigInteger(P_BIG);

        private FixedBase() {
        }

        private static int[] build() {
            int count = WINDOWS * ENTRIES;
            int[][] x = new int[count][];
            int[][] y = new int[count][];
            int[][] z = new int[count][];
            Work w = new Work();
            int[] bx = G.x[1].clone();
            int[] by = G.y[1].clone();
            int[] tt = Nat256.createExt();
            for (int i = 0; i < WINDOWS; i++) {
                w.setAffine(bx, by);
                for (int j = 1; j <= ENTRIES; j++) {
                    if (j > 1) {
                        w.addAffine(bx, by);
                    }
                    if (w.infinity) {
                        throw new IllegalStateException("fixed-base table entry at infinity");
                    }
                    int at = i * ENTRIES + j - 1;
                    x[at] = w.x.clone();
                    y[at] = w.y.clone();
                    z[at] = w.z.clone();
                }
                if (i + 1 < WINDOWS) {
                    w.twice(); // 32·B_i, made affine for the next window
                    int[] zInv = Nat256.create();
                    int[] zInv2 = Nat256.create();
                    SecP256R1Field.inv(w.z, zInv);
                    SecP256R1Field.square(zInv, zInv2, tt);
                    SecP256R1Field.multiply(w.x, zInv2, bx, tt);
                    SecP256R1Field.multiply(zInv2, zInv, zInv2, tt);
                    SecP256R1Field.multiply(w.y, zInv2, by, tt);
                }
            }
            toAffine(x, y, z);
            int[] table = new int[count * 16];
            for (int i = 0; i < count; i++) {
                System.arraycopy(x[i], 0, table, i * 16, 8);
                System.arraycopy(y[i], 0, table, i * 16 + 8, 8);
            }
            return table;
        }

        /** -1 when a == b, else 0, without a branch. */
        private static int eqMask(int a, int b) {
            int d = a ^ b;
            return ~((d | -d) >> 31);
        }

        /** Bits pos .. pos+5 of the scalar (pos may be -1: a zero bit below bit 0). */
        private static int window(int[] k9, int pos) {
            if (pos < 0) {
                return (k9[0] << 1) & 63;
            }
            int word = pos >>> 5;
            long pair = (k9[word] & 0xFFFFFFFFL) | (word + 1 < k9.length ? (k9[word + 1] & 0xFFFFFFFFL) << 32 : 0);
            return (int) (pair >>> (pos & 31)) & 63;
        }

        /**
         * The affine x coordinate of k·G, in constant time.
         *
         * @param k a secret scalar in [1, n-1]
         * @return x(k·G) in [0, p-1]
         */
        static BigInteger multiplyX(BigInteger k) {
            int[] k9 = new int[9];
            System.arraycopy(Nat256.fromBigInteger(k), 0, k9, 0, 8);
            Work w = new Work();
            int[] px = Nat256.create();
            int[] py = Nat256.create();
            int[] ny = Nat256.create();
            int[] sx = Nat256.create();
            int[] sy = Nat256.create();
            int[] sz = Nat256.create();
            int inf = -1;
            for (int i = 0; i < WINDOWS; i++) {
                // Booth recoding of 6 bits (as OpenSSL's booth_recode_w5): digit 0..16 and a sign
                int in = window(k9, 5 * i - 1);
                int s = ~((in >> 5) - 1);
                int d = (63 - in) & s | in & ~s;
                d = (d >> 1) + (d & 1);
                int negative = s;
                for (int t = 0; t < 8; t++) {
                    px[t] = 0;
                    py[t] = 0;
                }
                int base = i * ENTRIES * 16;
                for (int j = 1; j <= ENTRIES; j++) {
                    int m = eqMask(j, d);
                    int off = base + (j - 1) * 16;
                    for (int t = 0; t < 8; t++) {
                        px[t] |= TABLE[off + t] & m;
                        py[t] |= TABLE[off + 8 + t] & m;
                    }
                }
                Nat256.sub(P, py, ny); // p - y, no branch (y is never 0 on a point of prime order)
                for (int t = 0; t < 8; t++) {
                    py[t] = (ny[t] & negative) | (py[t] & ~negative);
                }
                w.addAffineUnchecked(px, py, sx, sy, sz);
                int nonZero = ~eqMask(d, 0);
                int takeP = inf & nonZero;
                int takeS = ~inf & nonZero;
                int keep = ~nonZero;
                for (int t = 0; t < 8; t++) {
                    w.x[t] = (px[t] & takeP) | (sx[t] & takeS) | (w.x[t] & keep);
                    w.y[t] = (py[t] & takeP) | (sy[t] & takeS) | (w.y[t] & keep);
                    w.z[t] = (ONE[t] & takeP) | (sz[t] & takeS) | (w.z[t] & keep);
                }
                inf &= ~nonZero;
            }
            if (inf != 0) {
                throw new IllegalArgumentException("k must be in [1, n-1]");
            }
            int[] zInv = Nat256.create();
            int[] zInv2 = Nat256.create();
            int[] ax = Nat256.create();
            SecP256R1Field.inv(w.z, zInv); // constant-time inversion (Bouncy Castle's safegcd)
            SecP256R1Field.square(zInv, zInv2, w.tt);
            SecP256R1Field.multiply(w.x, zInv2, ax, w.tt);
            return Nat256.toBigInteger(ax);
        }
    }

    /**
     * Checks the ECDSA equation: whether the x coordinate of u1·G + u2·Q is congruent to r mod n.
     *
     * @param q the comb table of the public key
     * @param u1 e·s^-1 mod n, in [0, n-1]
     * @param u2 r·s^-1 mod n, in [0, n-1]
     * @param r the signature's r, in [1, n-1]
     * @return false also when u1·G + u2·Q is the point at infinity
     */
    static boolean xMatches(Comb q, BigInteger u1, BigInteger u2, BigInteger r) {
        Work w = new Work();
        w.sumOfTwoMultiplies(q, u1, u2);
        if (w.infinity) {
            return false;
        }
        // x = X / Z^2; compare X with r·Z^2 and, when r + n < p, with (r + n)·Z^2 (no inversion)
        int[] z2 = Nat256.create();
        int[] t = Nat256.create();
        SecP256R1Field.square(w.z, z2, w.tt);
        SecP256R1Field.multiply(Nat256.fromBigInteger(r), z2, t, w.tt);
        if (Nat256.eq(t, w.x)) {
            return true;
        }
        BigInteger rn = r.add(Es256.N);
        if (rn.compareTo(P_BIG) < 0) {
            SecP256R1Field.multiply(Nat256.fromBigInteger(rn), z2, t, w.tt);
            return Nat256.eq(t, w.x);
        }
        return false;
    }

    /**
     * u1·G + u2·Q in affine coordinates, for tests against a reference implementation.
     *
     * @return {x, y}, or null for the point at infinity
     */
    static BigInteger[] sumOfTwoMultiplies(Comb q, BigInteger u1, BigInteger u2) {
        Work w = new Work();
        w.sumOfTwoMultiplies(q, u1, u2);
        if (w.infinity) {
            return null;
        }
        int[] zInv = Nat256.create();
        int[] zInv2 = Nat256.create();
        int[] ax = Nat256.create();
        int[] ay = Nat256.create();
        SecP256R1Field.inv(w.z, zInv);
        SecP256R1Field.square(zInv, zInv2, w.tt);
        SecP256R1Field.multiply(w.x, zInv2, ax, w.tt);
        SecP256R1Field.multiply(zInv2, zInv, zInv2, w.tt);
        SecP256R1Field.multiply(w.y, zInv2, ay, w.tt);
        return new BigInteger[] {Nat256.toBigInteger(ax), Nat256.toBigInteger(ay)};
    }

    /** A Jacobian accumulator (X, Y, Z) with its scratch space; one per computation, not shared. */
    static final class Work {
        final int[] x = Nat256.create();
        final int[] y = Nat256.create();
        final int[] z = Nat256.create();
        boolean infinity = true;
        final int[] tt = Nat256.createExt();
        private final int[] t1 = Nat256.create();
        private final int[] t2 = Nat256.create();
        private final int[] t3 = Nat256.create();
        private final int[] t4 = Nat256.create();
        private final int[] t5 = Nat256.create();
        private final int[] t6 = Nat256.create();

        void sumOfTwoMultiplies(Comb q, BigInteger u1, BigInteger u2) {
            if (u1.signum() < 0 || u1.bitLength() > 256 || u2.signum() < 0 || u2.bitLength() > 256) {
                throw new IllegalArgumentException("scalar out of range");
            }
            int[] k1 = padded(u1);
            int[] k2 = padded(u2);
            infinity = true;
            for (int i = Math.max(G.columns, q.columns) - 1; i >= 0; i--) {
                if (!infinity) {
                    twice();
                }
                if (i < G.columns) {
                    int v1 = column(k1, G, i);
                    if (v1 != 0) {
                        addAffine(G.x[v1], G.y[v1]);
                    }
                }
                if (i < q.columns) {
                    int v2 = column(k2, q, i);
                    if (v2 != 0) {
                        addAffine(q.x[v2], q.y[v2]);
                    }
                }
            }
        }

        /** The scalar as little-endian 32-bit words, with zero words up to bit 511. */
        private static int[] padded(BigInteger u) {
            int[] k = new int[16];
            System.arraycopy(Nat256.fromBigInteger(u), 0, k, 0, 8);
            return k;
        }

        /** Bits i, columns + i, 2·columns + i, ... of the scalar as a table index. */
        private static int column(int[] k, Comb c, int i) {
            int v = 0;
            for (int j = c.width - 1; j >= 0; j--) {
                int pos = j * c.columns + i;
                v = (v << 1) | ((k[pos >>> 5] >>> (pos & 31)) & 1);
            }
            return v;
        }

        /** Sets the accumulator to an affine point (Z = 1). */
        void setAffine(int[] ax, int[] ay) {
            Nat256.copy(ax, x);
            Nat256.copy(ay, y);
            Nat256.zero(z);
            z[0] = 1;
            infinity = false;
        }

        void load(int[][] jx, int[][] jy, int[][] jz, int v) {
            Nat256.copy(jx[v], x);
            Nat256.copy(jy[v], y);
            Nat256.copy(jz[v], z);
            infinity = false;
        }

        void store(int[][] jx, int[][] jy, int[][] jz, int v) {
            jx[v] = x.clone();
            jy[v] = y.clone();
            jz[v] = z.clone();
        }

        /** In-place doubling, dbl-2001-b (a = -3): 3M + 5S. */
        void twice() {
            if (infinity) {
                return;
            }
            int[] delta = t1;
            int[] gamma = t2;
            int[] beta = t3;
            int[] alpha = t4;
            SecP256R1Field.square(z, delta, tt);
            SecP256R1Field.square(y, gamma, tt);
            SecP256R1Field.multiply(x, gamma, beta, tt);
            // alpha = 3 (X - delta)(X + delta)
            SecP256R1Field.subtract(x, delta, t5);
            SecP256R1Field.add(x, delta, t6);
            SecP256R1Field.multiply(t5, t6, alpha, tt);
            SecP256R1Field.twice(alpha, t5);
            SecP256R1Field.add(alpha, t5, alpha);
            // Z3 = (Y + Z)^2 - gamma - delta
            SecP256R1Field.add(y, z, t5);
            SecP256R1Field.square(t5, t5, tt);
            SecP256R1Field.subtract(t5, gamma, t5);
            SecP256R1Field.subtract(t5, delta, z);
            // X3 = alpha^2 - 8 beta
            SecP256R1Field.twice(beta, beta);
            SecP256R1Field.twice(beta, beta); // beta = 4 beta
            SecP256R1Field.square(alpha, t5, tt);
            SecP256R1Field.twice(beta, t6); // 8 beta
            SecP256R1Field.subtract(t5, t6, x);
            // Y3 = alpha (4 beta - X3) - 8 gamma^2
            SecP256R1Field.subtract(beta, x, t5);
            SecP256R1Field.multiply(alpha, t5, t5, tt);
            SecP256R1Field.square(gamma, t6, tt);
            SecP256R1Field.twice(t6, t6);
            SecP256R1Field.twice(t6, t6);
            SecP256R1Field.twice(t6, t6);
            SecP256R1Field.subtract(t5, t6, y);
        }

        /**
         * (sx, sy, sz) = accumulator + (ax, ay) by madd-2007-bl with no check and no branch: the caller guarantees
         * the two points are neither equal nor opposite (or discards the result). The accumulator is unchanged.
         */
        void addAffineUnchecked(int[] ax, int[] ay, int[] sx, int[] sy, int[] sz) {
            int[] z1z1 = t1;
            int[] h = t2;
            int[] r = t3;
            int[] hh = t4;
            int[] i4 = t5;
            int[] j = t6;
            SecP256R1Field.square(z, z1z1, tt);
            SecP256R1Field.multiply(ax, z1z1, h, tt);
            SecP256R1Field.subtract(h, x, h); // H = U2 - X1
            SecP256R1Field.multiply(z, z1z1, r, tt);
            SecP256R1Field.multiply(ay, r, r, tt);
            SecP256R1Field.subtract(r, y, r);
            SecP256R1Field.twice(r, r); // r = 2 (S2 - Y1)
            SecP256R1Field.square(h, hh, tt);
            SecP256R1Field.twice(hh, i4);
            SecP256R1Field.twice(i4, i4); // I = 4 HH
            SecP256R1Field.multiply(h, i4, j, tt); // J = H I
            SecP256R1Field.add(z, h, sz);
            SecP256R1Field.square(sz, sz, tt);
            SecP256R1Field.subtract(sz, z1z1, sz);
            SecP256R1Field.subtract(sz, hh, sz); // Z3
            SecP256R1Field.multiply(x, i4, i4, tt); // V
            SecP256R1Field.square(r, sx, tt);
            SecP256R1Field.subtract(sx, j, sx);
            SecP256R1Field.twice(i4, h);
            SecP256R1Field.subtract(sx, h, sx); // X3
            SecP256R1Field.multiply(y, j, j, tt);
            SecP256R1Field.twice(j, j);
            SecP256R1Field.subtract(i4, sx, h);
            SecP256R1Field.multiply(r, h, h, tt);
            SecP256R1Field.subtract(h, j, sy); // Y3
        }

        /** In-place mixed addition of an affine point, madd-2007-bl: 7M + 4S; exceptional cases handled. */
        void addAffine(int[] ax, int[] ay) {
            if (infinity) {
                setAffine(ax, ay);
                return;
            }
            int[] z1z1 = t1;
            int[] h = t2;
            int[] r = t3;
            SecP256R1Field.square(z, z1z1, tt);
            SecP256R1Field.multiply(ax, z1z1, h, tt); // U2
            SecP256R1Field.subtract(h, x, h); // H = U2 - X1
            SecP256R1Field.multiply(z, z1z1, r, tt);
            SecP256R1Field.multiply(ay, r, r, tt); // S2
            SecP256R1Field.subtract(r, y, r); // S2 - Y1
            if (SecP256R1Field.isZero(h) != 0) {
                if (SecP256R1Field.isZero(r) != 0) {
                    twice(); // the same point
                } else {
                    infinity = true; // opposite points
                }
                return;
            }
            SecP256R1Field.twice(r, r); // r = 2 (S2 - Y1)
            int[] hh = t4;
            int[] i4 = t5;
            int[] j = t6;
            SecP256R1Field.square(h, hh, tt);
            SecP256R1Field.twice(hh, i4);
            SecP256R1Field.twice(i4, i4); // I = 4 HH
            SecP256R1Field.multiply(h, i4, j, tt); // J = H I
            // Z3 = (Z1 + H)^2 - Z1Z1 - HH
            SecP256R1Field.add(z, h, z);
            SecP256R1Field.square(z, z, tt);
            SecP256R1Field.subtract(z, z1z1, z);
            SecP256R1Field.subtract(z, hh, z);
            // V = X1 I (into i4); X3 = r^2 - J - 2 V
            SecP256R1Field.multiply(x, i4, i4, tt);
            SecP256R1Field.square(r, x, tt);
            SecP256R1Field.subtract(x, j, x);
            SecP256R1Field.twice(i4, h);
            SecP256R1Field.subtract(x, h, x);
            // Y3 = r (V - X3) - 2 Y1 J
            SecP256R1Field.multiply(y, j, j, tt);
            SecP256R1Field.twice(j, j);
            SecP256R1Field.subtract(i4, x, h);
            SecP256R1Field.multiply(r, h, h, tt);
            SecP256R1Field.subtract(h, j, y);
        }
    }
}
