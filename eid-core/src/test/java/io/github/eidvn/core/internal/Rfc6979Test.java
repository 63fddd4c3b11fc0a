package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The JDK-HMAC RFC 6979 nonces equal Bouncy Castle's {@code HMacDSAKCalculator} ones, call after call. */
class Rfc6979Test {

    private static void sameSequence(BigInteger d, byte[] hash) {
        HMacDSAKCalculator bc = new HMacDSAKCalculator(new SHA256Digest());
        bc.init(Es256.N, d, hash);
        Rfc6979 ours = new Rfc6979(d, hash);
        for (int i = 0; i < 3; i++) {
            assertThat(ours.next()).as("candidate %d", i).isEqualTo(bc.nextK());
        }
    }

    @Property(tries = 100)
    void anyKeyAndHash_sameNoncesAsBouncyCastle(@ForAll @Size(32) byte[] hash, @ForAll @Size(32) byte[] secret) {
        BigInteger d = new BigInteger(1, secret).mod(Es256.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        sameSequence(d, hash);
    }

    @Test
    void hashNotBelowN_reducedAsBouncyCastleDoes() {
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xFF);
        sameSequence(BigInteger.ONE, allOnes);
        sameSequence(Es256.N.subtract(BigInteger.ONE), allOnes);
        byte[] n = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, Es256.N);
        sameSequence(BigInteger.TWO, n);
    }
}
