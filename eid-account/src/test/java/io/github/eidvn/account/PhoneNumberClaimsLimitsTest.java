package io.github.eidvn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;

/** Re-claiming, releasing and refusing phone numbers keeps exactly one holder per number. */
class PhoneNumberClaimsLimitsTest {

    private final InMemoryStateStore store = InMemoryStateStore.create();
    private final PhoneNumberClaims claims = PhoneNumberClaims.create(store,
            SecurityAudit.loggingOnly(Clock.systemUTC()));

    @Test
    void reclaimingTheSameNumber_replacesNothing_andKeepsTheHolder() {
        claims.claim("001099012345", "0912345678");
        assertThat(claims.claim("001099012345", "0912 345 678"))
                .isEqualTo(new PhoneClaimResult.Claimed("+84912345678", Optional.empty()));
        assertThat(claims.holderOf("+84912345678")).contains("001099012345");
        assertThat(claims.claim("079203001234", "0912345678"))
                .isEqualTo(new PhoneClaimResult.Refused(PhoneClaimResult.Reason.HELD_BY_ANOTHER_PERSON));
    }

    @Test
    void invalidInputs_refusedWithTheirReason() {
        assertThat(claims.claim("12345", "0912345678"))
                .isEqualTo(new PhoneClaimResult.Refused(PhoneClaimResult.Reason.INVALID_PERSONAL_NUMBER));
        assertThat(claims.claim("001099012345", "12"))
                .isEqualTo(new PhoneClaimResult.Refused(PhoneClaimResult.Reason.INVALID_PHONE));
        assertThat(claims.release("12345", "0912345678")).isFalse();
        assertThat(claims.release("001099012345", "12")).isFalse();
        assertThat(claims.phoneOf("12345")).isEmpty();
    }

    @Test
    void release_ofAnotherNumber_leavesThePersonsOwnNumber() {
        claims.claim("001099012345", "0912345678");
        claims.claim("079203001234", "0987654321");
        assertThat(claims.release("001099012345", "0987654321")).isFalse();
        assertThat(claims.phoneOf("001099012345")).contains("+84912345678");
        assertThat(claims.holderOf("0987654321")).contains("079203001234");
        assertThat(claims.release("001099012345", "0912345678")).isTrue();
        assertThat(claims.phoneOf("001099012345")).isEmpty();
        assertThat(claims.holderOf("0912345678")).isEmpty();
        assertThat(claims.toString()).isEqualTo("PhoneNumberClaims");
    }
}
