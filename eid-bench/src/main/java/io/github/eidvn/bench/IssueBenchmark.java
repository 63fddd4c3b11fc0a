package io.github.eidvn.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.qr.SignedQrText;

/**
 * P2: the hospital presentation's claims to the digits-only QR text: claim mapping, compact JSON, raw DEFLATE,
 * ES256 signature, container packing and decimal writing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssueBenchmark {

    AssertionIssuer issuer;
    AssertionRequest request;

    /** Makes a key ring and the issuer. */
    @Setup
    public void setup() {
        issuer = BenchFixtures.issuer(KeyRing.generate());
        request = BenchFixtures.hospitalRequest();
    }

    /**
     * Claims to QR text.
     *
     * @return the QR text
     */
    @Benchmark
    public String claimsToQrText() {
        return SignedQrText.encode(issuer.issueForQr(request));
    }
}
