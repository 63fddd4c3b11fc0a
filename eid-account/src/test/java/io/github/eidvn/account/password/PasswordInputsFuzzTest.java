package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer targets for the password inputs an attacker or a damaged database controls: the policy check of a chosen
 * password, and {@link PasswordHasher#verify(CharSequence, String)} with a password and a stored PHC string (the
 * input's first line is the password, the rest the PHC string). A crash is any exception; the only documented one,
 * a null password, cannot occur here. The hasher's bounds are small so that a hostile {@code m}/{@code t}/{@code p}
 * is refused as {@link PasswordVerification.Unusable} instead of costing seconds.
 */
class PasswordInputsFuzzTest {

    private static final PasswordContext CONTEXT = PasswordContext.builder().personalNumber("079303012345")
            .phoneNumber("0912345678").birthDate(LocalDate.of(2003, 5, 17)).contextWord("vneid").build();
    private static final PasswordPolicy[] POLICIES = {PasswordPolicy.vneid(), PasswordPolicy.publicServicePortal(),
        PasswordPolicy.nist()};
    private static final PasswordHasher HASHER = PasswordHasher.builder().memoryKiB(8).iterations(1)
            .parallelism(1).maxMemoryKiB(64).maxIterations(2).maxParallelism(2).build();

    @FuzzTest(maxDuration = "5m")
    void policyCheck(byte[] input) {
        String password = new String(input, StandardCharsets.UTF_8);
        for (PasswordPolicy policy : POLICIES) {
            PasswordCheckResult r = policy.check(password, CONTEXT);
            // plain checks, not AssertJ: up to ~15 failures per input made this harness's own cost a third of the
            // policy checks' (measured without instrumentation)
            if (r == null) {
                throw new AssertionError(policy + ": null result");
            }
            if (r instanceof PasswordCheckResult.Rejected rejected) {
                if (rejected.failures().isEmpty()) {
                    throw new AssertionError(policy + ": rejected without a failure");
                }
                for (PasswordFailure f : rejected.failures()) {
                    if (f.vietnamese().isBlank() || f.english().isBlank()) {
                        throw new AssertionError(policy + ": blank message for " + f.rule());
                    }
                }
            }
            policy.check(password, PasswordContext.empty());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void hasherVerify(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String password = nl < 0 ? text : text.substring(0, nl);
        String phc = nl < 0 ? "" : text.substring(nl + 1);
        PasswordVerification v = HASHER.verify(password, phc);
        assertThat(v).isNotNull();
        boolean usable = HASHER.checkFormat(phc).isEmpty();
        assertThat(v instanceof PasswordVerification.Unusable).isEqualTo(!usable);
        if (!usable) {
            assertThat(HASHER.needsRehash(phc)).isTrue();
        }
        HASHER.verify(password, null);
    }
}
