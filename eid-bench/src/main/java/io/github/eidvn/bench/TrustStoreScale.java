package io.github.eidvn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrTextReader;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.VerificationResult;

/**
 * P8: P1's verification (QR text to {@code Verified}) with 10,000 trusted keys against the same with 10, measured in
 * one JVM and interleaved: rounds alternate between the two stores (which one goes first alternates too), each round
 * counted in the thread's own CPU time, and the figure is the median of the per-pair ratios. Noise that two separate
 * JMH forks see (a different JIT history, a different heap layout, another moment of a busy machine) cancels out.
 *
 * <p>Both stores hold the signing key last; the 10,000-key store is the same JWKS that {@link VerifyBenchmark} loads.
 */
public final class TrustStoreScale {

    /** The measured figures. */
    public record Figures(int rounds, double small, double large, double medianRatio, double minRatio,
            double maxRatio) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String[] texts;
    private final TrustStore store;
    private AssertionVerifier verifier;
    private int next;

    private TrustStoreScale(String[] texts, TrustStore store) {
        this.texts = texts;
        this.store = store;
        this.verifier = BenchFixtures.hospitalVerifier(store);
    }

    /**
     * Measures.
     *
     * @param rounds pairs of rounds (at least 3)
     * @param perRound verifications per round
     * @return the figures
     */
    public static Figures measure(int rounds, int perRound) {
        if (rounds < 3 || perRound < 1) {
            throw new IllegalArgumentException("rounds >= 3 and perRound >= 1 needed");
        }
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot read a thread's CPU time");
        }
        KeyRing ring = KeyRing.generate();
        AssertionIssuer issuer = BenchFixtures.issuer(ring);
        AssertionRequest request = BenchFixtures.hospitalRequest();
        String[] texts = new String[2048];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = SignedQrText.encode(issuer.issueForQr(request));
        }
        TrustStoreScale small = new TrustStoreScale(texts,
                TrustStore.fromJwks(BenchFixtures.jwksWith(10, ring.current())));
        TrustStoreScale large = new TrustStoreScale(texts,
                TrustStore.fromJwks(BenchFixtures.jwksWith(10_000, ring.current())));
        for (int i = 0; i < 4; i++) { // warm-up: both paths compiled before the first measured round
            small.opsPerCpuSecond(perRound);
            large.opsPerCpuSecond(perRound);
        }
        double[] ratios = new double[rounds];
        double smallSum = 0;
        double largeSum = 0;
        for (int r = 0; r < rounds; r++) {
            double s;
            double l;
            if (r % 2 == 0) {
                s = small.opsPerCpuSecond(perRound);
                l = large.opsPerCpuSecond(perRound);
            } else {
                l = large.opsPerCpuSecond(perRound);
                s = small.opsPerCpuSecond(perRound);
            }
            smallSum += s;
            largeSum += l;
            ratios[r] = l / s;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2]
                : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        return new Figures(rounds, smallSum / rounds, largeSum / rounds, median, sorted[0], sorted[rounds - 1]);
    }

    private double opsPerCpuSecond(int n) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            VerificationResult result = verifyNext();
            if (!result.isVerified()) {
                throw new IllegalStateException("not verified: " + result);
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        return n / (cpu / 1e9);
    }

    private VerificationResult verifyNext() {
        if (next == texts.length) {
            next = 0;
            verifier = BenchFixtures.hospitalVerifier(store); // a fresh replay guard: every id is a first use
        }
        QrContent content = QrTextReader.read(texts[next++]);
        return verifier.verify(((QrContent.SignedJws) content).compactJws());
    }
}
