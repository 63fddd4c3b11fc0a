package io.github.eidvn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.eidvn.verifier.Verified;

/** Each benchmark method runs once on its real setup and gives a sane result (the JMH run itself is eid-bench/run). */
class BenchmarksSmokeTest {

    @Test
    void verifyBenchmark_tenKeys_verifiesThePoolAndWrapsWithAFreshReplayGuard() {
        VerifyBenchmark b = new VerifyBenchmark();
        b.keys = 10;
        b.pool = 8;
        b.setup();
        assertThat(b.store.keys()).hasSize(10);
        for (int i = 0; i < 2 * b.pool + 3; i++) {
            assertThat(b.qrTextToVerified()).as("call %d", i).isInstanceOf(Verified.class);
        }
    }

    @Test
    void verifyBenchmark_tenThousandKeys_verifies() {
        VerifyBenchmark b = new VerifyBenchmark();
        b.keys = 10_000;
        b.pool = 1;
        b.setup();
        assertThat(b.store.keys()).hasSize(10_000);
        assertThat(b.qrTextToVerified()).isInstanceOf(Verified.class);
    }

    @Test
    void chipBenchmark_bsiSpecimen_passesPassiveAuthentication() {
        ChipBenchmark b = new ChipBenchmark();
        b.setup();
        assertThat(b.passiveAuthentication().isVerified()).isTrue();
        assertThat(b.passiveAuthentication().dataGroups()).containsOnlyKeys(1, 2, 3, 14);
    }

    @Test
    void deskBenchmark_everyPostIsAValidDecision_andThePoolWrapsWithAFreshReplayGuard() throws Exception {
        DeskBenchmark b = new DeskBenchmark();
        b.pool = 4;
        b.start();
        DeskBenchmark.Client c = new DeskBenchmark.Client();
        try {
            c.connect(b);
            for (int i = 0; i < 2 * b.pool + 1; i++) {
                assertThat(b.postCheckText(c)).as("call %d", i).isEqualTo(200);
            }
            // the same code again without the wrap is a replay: the desk's own answer, counted as not VALID
            assertThat(c.exchange(b.requests[0], b)).isEqualTo(-200);
            assertThat(b.notValid.get()).isZero();
        } finally {
            c.close();
            b.stop();
        }
        assertThat(b.answers.get()).isEqualTo(2L * b.pool + 1);
    }

    @Test
    void issueBenchmark_givesASignedDigitsText() {
        IssueBenchmark b = new IssueBenchmark();
        b.setup();
        String text = b.claimsToQrText();
        assertThat(text).startsWith("841").matches("[0-9]+").hasSizeBetween(600, 1000);
        assertThat(b.claimsToQrText()).isNotEqualTo(text); // a fresh jti each time
    }

    @Test
    void signatureBenchmark_everyPathSignsAndVerifies() throws Exception {
        SignatureBenchmark b = new SignatureBenchmark();
        b.setup();
        assertThat(b.eidVerify()).isTrue();
        assertThat(b.jdkVerify()).isTrue();
        assertThat(b.bcLightweightVerify()).isTrue();
        assertThat(b.eidSign()).hasSize(64);
        assertThat(b.jdkSign().decode()).hasSize(64);
        assertThat(b.bcLightweightSign()).hasSize(2);
        b.rawSignature = b.eidSign();
        assertThat(b.eidVerify()).isTrue();
        b.rawSignature[5] ^= 1;
        assertThat(b.eidVerify()).isFalse();
    }

    @Test
    void deviceBenchmark_everyOpSucceeds_andTheLoginOpsStartOverOnAFreshStore() throws Exception {
        DeviceBenchmark b = new DeviceBenchmark();
        b.pool = 4;
        b.setup();
        assertThat(b.eidValidate()).isInstanceOf(io.github.eidvn.account.device.SessionValidation.Valid.class);
        assertThat(b.sha256Token()).hasSize(32);
        assertThat(b.argon2Verify())
                .isInstanceOf(io.github.eidvn.account.password.PasswordVerification.Match.class);
        var first = b.login;
        for (int i = 0; i < 2 * b.pool + 1; i++) {
            assertThat(b.eidLogin()).as("login %d", i)
                    .isInstanceOf(io.github.eidvn.account.device.LoginResult.LoggedIn.class);
        }
        assertThat(b.login).isNotSameAs(first);
        assertThat(b.eidValidate()).isInstanceOf(io.github.eidvn.account.device.SessionValidation.Valid.class);
    }
}
