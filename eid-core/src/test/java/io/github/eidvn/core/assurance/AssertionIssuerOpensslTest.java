package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.Openssl;

/**
 * Outside oracle: OpenSSL verifies an issued JWS (signing input, DER signature, SubjectPublicKeyInfo PEM).
 */
class AssertionIssuerOpensslTest {

    @TempDir
    Path dir;

    @Test
    void issuedJwtAndQrForm_verifiedByOpenssl() throws Exception {
        Openssl.require();
        KeyRing ring = KeyRing.generate();
        AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clock());
        assertThat(Openssl.verifyJws(dir, issuer.issueJwt(AssertionFixtures.hospitalRequest()),
                ring.current().publicKey())).isEqualTo("Verified OK");
        assertThat(Openssl.verifyJws(dir, issuer.issueForQr(AssertionFixtures.hospitalRequest()),
                ring.current().publicKey())).isEqualTo("Verified OK");
    }

    @Test
    void tamperedPayload_failsOpensslVerification() throws Exception {
        Openssl.require();
        KeyRing ring = KeyRing.generate();
        String jws = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        int dot = jws.indexOf('.');
        char c = jws.charAt(dot + 5);
        String tampered = jws.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A') + jws.substring(dot + 6);
        assertThat(Openssl.verifyJws(dir, tampered, ring.current().publicKey())).contains("Verification failure");
    }
}
