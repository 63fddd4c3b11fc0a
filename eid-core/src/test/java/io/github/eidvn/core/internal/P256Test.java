package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast double-scalar multiplication against Bouncy Castle's reference ({@code ECAlgorithms}), including the
 * exceptional additions (equal and opposite points), and ECDSA verification against Bouncy Castle's verifier.
 */
class P256Test {

    private static final BigInteger N = Es256.N;
    private static final ECPoint G = Es256.DOMAIN.getG();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static BigInteger[] reference(ECPoint q, BigInteger u1, BigInteger u2) {
        ECPoint r = ECAlgorithms.sumOfTwoMultiplies(G, u1, q, u2).normalize();
        return r.isInfinity() ? null
                : new BigInteger[] {r.getAffineXCoord().toBigInteger(), r.getAffineYCoord().toBigInteger()};
    }

    private static P256.Comb comb(ECPoint q) {
        ECPoint n = q.normalize();
        return P256.Comb.of(n.getAffineXCoord().toBigInteger(), n.getAffineYCoord().toBigInteger());
    }

    /** A key table shaped like G's (width 12, 22 columns), so that both tables add in the same columns. */
    private static P256.Comb combLikeG(ECPoint q) {
        ECPoint n = q.normalize();
        return P256.Comb.of(n.getAffineXCoord().toBigInteger(), n.getAffineYCoord().toBigInteger(), 12, 22);
    }

    private static final java.util.Map<ECPoint, P256.Comb[]> TABLES = new java.util.HashMap<>();

    private static void agrees(ECPoint q, BigInteger u1, BigInteger u2) {
        P256.Comb[] t = TABLES.computeIfAbsent(q.normalize(), p -> new P256.Comb[] {comb(p), combLikeG(p)});
        assertThat(P256.sumOfTwoMultiplies(t[0], u1, u2))
                .as("u1=%s u2=%s", u1.toString(16), u2.toString(16)).isEqualTo(reference(q, u1, u2));
        assertThat(P256.sumOfTwoMultiplies(t[1], u1, u2))
                .as("G-shaped table, u1=%s u2=%s", u1.toString(16), u2.toString(16)).isEqualTo(reference(q, u1, u2));
    }

    private static BigInteger scalar() {
        return new BigInteger(256, RANDOM).mod(N);
    }

    @Property(tries = 100)
    void randomKeyAndScalars_matchBouncyCastle(@ForAll @IntRange(min = 0, max = 3) int shape) {
        ECPoint q = G.multiply(scalar().add(BigInteger.ONE).mod(N)).normalize();
        BigInteger u1 = scalar();
        BigInteger u2 = scalar();
        // shapes: random, short, full columns (all bits of some columns set), top bit set
        if (shape == 1) {
            u1 = u1.shiftRight(200);
            u2 = u2.shiftRight(250);
        } else if (shape == 2) {
            u1 = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFF00000000FFFFFFFF00000000FFFFFFFF", 16).mod(N);
            u2 = N.subtract(BigInteger.ONE);
        } else if (shape == 3) {
            u1 = u1.setBit(255).mod(N);
            u2 = u2.setBit(255).mod(N);
        }
        agrees(q, u1, u2);
    }

    @Test
    void edgeScalars_matchBouncyCastle() {
        ECPoint q = G.multiply(scalar()).normalize();
        List<BigInteger> edges = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255),
                BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(224)));
        for (BigInteger a : edges) {
            for (BigInteger b : edges) {
                agrees(q, a, b);
            }
        }
        assertThat(P256.sumOfTwoMultiplies(comb(q), BigInteger.ZERO, BigInteger.ZERO)).isNull();
    }

    @Test
    void keyEqualToG_equalScalars_doublingCaseOfTheAddition() {
        for (int i = 0; i < 20; i++) {
            BigInteger u = scalar();
            agrees(G, u, u); // every column adds the same table entry twice
            agrees(G, u, N.subtract(u)); // the sum is the point at infinity
            assertThat(P256.sumOfTwoMultiplies(combLikeG(G), u, N.subtract(u))).isNull();
        }
    }

    @Test
    void keyEqualToMinusG_equalScalars_oppositePointsCase() {
        ECPoint minusG = G.negate().normalize();
        for (int i = 0; i < 20; i++) {
            BigInteger u = scalar();
            agrees(minusG, u, u); // every column adds T and then -T
            assertThat(P256.sumOfTwoMultiplies(combLikeG(minusG), u, u)).isNull();
            agrees(minusG, u, u.add(BigInteger.ONE).mod(N));
        }
    }

    @Property(tries = 100)
    void ecdsa_fastVerifierAgreesWithBouncyCastle(@ForAll byte[] message, @ForAll boolean tamper) {
        BigInteger d = scalar().add(BigInteger.ONE).mod(N).max(BigInteger.ONE);
        ECPoint q = G.multiply(d).normalize();
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ECPrivateKeyParameters(d, Es256.DOMAIN));
        byte[] hash = Es256.sha256(message);
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger r = rs[0];
        BigInteger s = tamper ? rs[1].add(BigInteger.ONE).mod(N).max(BigInteger.ONE) : rs[1];
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, Es256.DOMAIN));
        byte[] sig = new byte[64];
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(r, sig, 0, 32);
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(s, sig, 32, 32);
        Es256PublicKey key = Es256PublicKey.of(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        assertThat(key.verify(message, sig)).isEqualTo(verifier.verifySignature(hash, r, s)).isEqualTo(!tamper);
    }

    @Test
    void signatureWhoseSumIsInfinity_rejected() {
        // with d known, r = -e/d mod n makes u1·G + u2·Q = (e + r d)/s · G the point at infinity
        BigInteger d = scalar().max(BigInteger.TWO);
        ECPoint q = G.multiply(d).normalize();
        byte[] message = "infinity".getBytes(StandardCharsets.US_ASCII);
        BigInteger e = new BigInteger(1, Es256.sha256(message));
        BigInteger r = e.negate().multiply(d.modInverse(N)).mod(N);
        BigInteger s = BigInteger.valueOf(12345);
        byte[] sig = new byte[64];
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(r, sig, 0, 32);
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(s, sig, 32, 32);
        BigInteger w = s.modInverse(N);
        assertThat(P256.sumOfTwoMultiplies(comb(q), e.multiply(w).mod(N), r.multiply(w).mod(N))).isNull();
        Es256PublicKey key = Es256PublicKey.of(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        assertThat(key.verify(message, sig)).isFalse();
    }

    @Test
    void xCoordinateAtLeastN_matchedAsRPlusN() {
        // a point R whose x is in [n, p): then x mod n = x - n is the r that verifies
        org.bouncycastle.math.ec.ECCurve curve = Es256.DOMAIN.getCurve();
        ECPoint big = null;
        for (BigInteger x = N; big == null; x = x.add(BigInteger.ONE)) {
            org.bouncycastle.math.ec.ECFieldElement fx = curve.fromBigInteger(x);
            org.bouncycastle.math.ec.ECFieldElement rhs = fx.square().add(curve.getA()).multiply(fx)
                    .add(curve.getB());
            org.bouncycastle.math.ec.ECFieldElement y = rhs.sqrt();
            if (y != null) {
                big = curve.validatePoint(x, y.toBigInteger());
            }
        }
        BigInteger x = big.getAffineXCoord().toBigInteger();
        assertThat(x).isGreaterThanOrEqualTo(N);
        P256.Comb c = comb(big); // a "public key" equal to R: 0·G + 1·R = R
        assertThat(P256.xMatches(c, BigInteger.ZERO, BigInteger.ONE, x.subtract(N))).isTrue();
        assertThat(P256.xMatches(c, BigInteger.ZERO, BigInteger.ONE, x.subtract(N).add(BigInteger.ONE))).isFalse();
        assertThat(P256.xMatches(c, BigInteger.ONE, BigInteger.ONE, x.subtract(N))).isFalse();
        // and a point with x < n matches its own x only
        ECPoint small = G.multiply(BigInteger.valueOf(7)).normalize();
        BigInteger sx = small.getAffineXCoord().toBigInteger();
        assertThat(sx).isLessThan(N);
        assertThat(P256.xMatches(comb(G), BigInteger.valueOf(3), BigInteger.valueOf(4), sx)).isTrue();
        assertThat(P256.xMatches(comb(G), BigInteger.valueOf(3), BigInteger.valueOf(5), sx)).isFalse();
    }

    @Test
    void fixedBase_edgeScalars_matchBouncyCastle() {
        List<BigInteger> ks = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15),
                BigInteger.valueOf(16), BigInteger.valueOf(17), N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO),
                BigInteger.ONE.shiftLeft(252), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(4).add(
                BigInteger.ONE.shiftLeft(200)), new BigInteger("F".repeat(56), 16)));
        // Booth-recoding patterns: every digit exactly 16, digits that carry (17 = 32 - 15), alternating signs
        BigInteger sixteens = BigInteger.ZERO;
        BigInteger seventeens = BigInteger.ZERO;
        BigInteger alternating = BigInteger.ZERO;
        for (int i = 0; i < 51; i++) {
            sixteens = sixteens.add(BigInteger.valueOf(16).shiftLeft(5 * i));
            seventeens = seventeens.add(BigInteger.valueOf(17).shiftLeft(5 * i));
            alternating = alternating.add(BigInteger.valueOf(i % 2 == 0 ? 31 : 1).shiftLeft(5 * i));
        }
        ks.addAll(List.of(sixteens.mod(N), seventeens.mod(N), alternating.mod(N),
                BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE), BigInteger.valueOf(31),
                BigInteger.valueOf(32), BigInteger.valueOf(33), BigInteger.ONE.shiftLeft(254).add(BigInteger.ONE)));
        for (int i = 0; i < 30; i++) {
            ks.add(scalar().max(BigInteger.ONE));
        }
        for (BigInteger k : ks) {
            assertThat(P256.FixedBase.multiplyX(k)).as("k=%s", k.toString(16))
                    .isEqualTo(G.multiply(k).normalize().getAffineXCoord().toBigInteger());
        }
    }

    @Property(tries = 100)
    void sign_givesTheSameBytesAsBouncyCastlesDeterministicEcdsa(@ForAll byte[] message) {
        BigInteger d = scalar().max(BigInteger.ONE);
        byte[] hash = Es256.sha256(message);
        ECDSASigner bc = new ECDSASigner(new org.bouncycastle.crypto.signers.HMacDSAKCalculator(
                new org.bouncycastle.crypto.digests.SHA256Digest()));
        bc.init(true, new ECPrivateKeyParameters(d, Es256.DOMAIN));
        BigInteger[] rs = bc.generateSignature(hash);
        byte[] expected = new byte[64];
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(rs[0], expected, 0, 32);
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(rs[1], expected, 32, 32);
        assertThat(Es256PrivateKey.of(d).sign(message)).isEqualTo(expected);
    }

    @Test
    void mixedAddition_equalPointIsDoubled_oppositePointGivesInfinity() {
        for (BigInteger k : List.of(BigInteger.ONE, BigInteger.valueOf(7), scalar().max(BigInteger.ONE))) {
            ECPoint p = G.multiply(k).normalize();
            int[] px = org.bouncycastle.math.raw.Nat256.fromBigInteger(p.getAffineXCoord().toBigInteger());
            int[] py = org.bouncycastle.math.raw.Nat256.fromBigInteger(p.getAffineYCoord().toBigInteger());
            int[] ny = org.bouncycastle.math.raw.Nat256.fromBigInteger(p.negate().normalize().getAffineYCoord()
                    .toBigInteger());
            // affine accumulator (Z = 1)
            P256.Work w = new P256.Work();
            w.setAffine(px, py);
            w.addAffine(px, py);
            assertThat(affine(w)).isEqualTo(affine(p.twice()));
            w.setAffine(px, py);
            w.addAffine(px, ny);
            assertThat(w.infinity).isTrue();
            // Jacobian accumulator (Z != 1) equal to the added point: p = (2p)... built as p + p - p
            w.setAffine(px, py);
            w.twice(); // 2p
            ECPoint two = p.twice().normalize();
            int[] tx = org.bouncycastle.math.raw.Nat256.fromBigInteger(two.getAffineXCoord().toBigInteger());
            int[] ty = org.bouncycastle.math.raw.Nat256.fromBigInteger(two.getAffineYCoord().toBigInteger());
            w.addAffine(tx, ty); // 2p + 2p = 4p through the doubling case
            assertThat(affine(w)).isEqualTo(affine(p.multiply(BigInteger.valueOf(4))));
            w.setAffine(px, py);
            w.twice();
            int[] tny = org.bouncycastle.math.raw.Nat256.fromBigInteger(two.negate().normalize().getAffineYCoord()
                    .toBigInteger());
            w.addAffine(tx, tny); // 2p - 2p
            assertThat(w.infinity).isTrue();
        }
    }

    private static BigInteger[] affine(ECPoint p) {
        ECPoint n = p.normalize();
        return new BigInteger[] {n.getAffineXCoord().toBigInteger(), n.getAffineYCoord().toBigInteger()};
    }

    private static BigInteger[] affine(P256.Work w) {
        int[] zInv = new int[8];
        int[] zInv2 = new int[8];
        int[] x = new int[8];
        int[] y = new int[8];
        int[] tt = new int[16];
        org.bouncycastle.math.ec.custom.sec.SecP256R1Field.inv(w.z, zInv);
        org.bouncycastle.math.ec.custom.sec.SecP256R1Field.square(zInv, zInv2, tt);
        org.bouncycastle.math.ec.custom.sec.SecP256R1Field.multiply(w.x, zInv2, x, tt);
        org.bouncycastle.math.ec.custom.sec.SecP256R1Field.multiply(zInv2, zInv, zInv2, tt);
        org.bouncycastle.math.ec.custom.sec.SecP256R1Field.multiply(w.y, zInv2, y, tt);
        return new BigInteger[] {org.bouncycastle.math.raw.Nat256.toBigInteger(x),
                org.bouncycastle.math.raw.Nat256.toBigInteger(y)};
    }
}
