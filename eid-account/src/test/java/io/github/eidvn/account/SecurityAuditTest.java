package io.github.eidvn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecurityAuditTest {

    private final java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void record_masksPersonalNumber_sanitizesFields_callsListeners() {
        List<SecurityEvent> got = new ArrayList<>();
        SecurityAudit audit = SecurityAudit.of(clock, got::add);
        SecurityEvent e = audit.record(SecurityEventType.LOGIN_FAILED, "001099012345", "dev 1\n", null, "x");
        assertThat(e).isEqualTo(new SecurityEvent(SecurityEventType.LOGIN_FAILED, clock.instant(), "001*******45",
                "dev?1?", "-", "x"));
        assertThat(got).containsExactly(e);
    }

    @Test
    void failingListener_doesNotBreakOthersOrTheCaller() {
        List<SecurityEvent> got = new ArrayList<>();
        SecurityAudit audit = SecurityAudit.of(clock, ev -> {
            throw new IllegalStateException("sink down");
        }, got::add);
        audit.record(SecurityEventType.OTP_SENT, null, null, null, null);
        assertThat(got).hasSize(1);
        assertThat(SecurityAudit.LOGGER_NAME).isEqualTo("eid.audit");
    }
}
