package io.github.eidvn.core.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Fixed clocks for tests. */
final class TestClocks {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private TestClocks() {
    }

    /** A clock fixed at noon of a date in Vietnam. */
    static Clock at(LocalDate date) {
        return Clock.fixed(date.atTime(LocalTime.NOON).atZone(VN).toInstant(), VN);
    }

    /** 2026-06-01 noon in Vietnam. */
    static Clock june2026() {
        return at(LocalDate.of(2026, 6, 1));
    }
}
