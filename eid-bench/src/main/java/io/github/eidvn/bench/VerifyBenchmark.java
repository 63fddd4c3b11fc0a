package io.github.eidvn.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

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
 * P1 (and P8's verify figure): a scanned QR text to {@code Verified}, the full pipeline: text classification and
 * container unpacking ({@link QrTextReader}), then every verifier stage (format, inflate, key by kid, ES256
 * signature, type and claims, time, audience and purpose, replay guard, revocation, level).
 *
 * <p>Each call verifies a different assertion (a pool of distinct {@code jti}s); when the pool wraps, a fresh
 * verifier (with a fresh replay guard) takes over, so the replay stage always records a first use, as at a busy
 * desk. {@code keys} is the trust-store size: the signing key is the last of that many keys.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {

    /** Distinct assertions per pool (a smoke test may lower it). */
    int pool = 2048;

    /** The number of keys in the trust store (P1 uses 10; P8 compares 10 with 10,000). */
    @Param({"10", "10000"})
    public int keys;

    String[] texts;
    TrustStore store;
    AssertionVerifier verifier;
    int next;

    /** Issues the pool and loads the trust store. */
    @Setup
    public void setup() {
        KeyRing ring = KeyRing.generate();
        AssertionIssuer issuer = BenchFixtures.issuer(ring);
        AssertionRequest request = BenchFixtures.hospitalRequest();
        texts = new String[pool];
        for (int i = 0; i < pool; i++) {
            texts[i] = SignedQrText.encode(issuer.issueForQr(request));
        }
        store = TrustStore.fromJwks(BenchFixtures.jwksWith(keys, ring.current()));
        verifier = BenchFixtures.hospitalVerifier(store);
        next = 0;
    }

    /**
     * QR text to verification result.
     *
     * @return the result (a {@code Verified})
     */
    @Benchmark
    public VerificationResult qrTextToVerified() {
        if (next == texts.length) {
            next = 0;
            verifier = BenchFixtures.hospitalVerifier(store);
        }
        QrContent content = QrTextReader.read(texts[next++]);
        return verifier.verify(((QrContent.SignedJws) content).compactJws());
    }
}
