package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class PasswordPolicyProperties {

    @Property(tries = 300)
    void failureMessages_neverEchoThePassword(@ForAll @StringLength(min = 4, max = 40) String pw) {
        PasswordCheckResult r = PasswordPolicy.vneid().check(pw, PasswordContext.empty());
        for (PasswordFailure f : r.failures()) {
            assertThat(f.vietnamese()).doesNotContain(pw);
            assertThat(f.english()).doesNotContain(pw);
        }
    }

    @Property(tries = 300)
    void everyPreset_acceptedIffNoFailures(@ForAll @StringLength(max = 30) String pw) {
        for (PasswordPolicy p : new PasswordPolicy[] {PasswordPolicy.vneid(), PasswordPolicy.publicServicePortal(),
            PasswordPolicy.nist()}) {
            PasswordCheckResult r = p.check(pw, PasswordContext.empty());
            assertThat(r.ok()).isEqualTo(r.failures().isEmpty());
        }
    }
}
