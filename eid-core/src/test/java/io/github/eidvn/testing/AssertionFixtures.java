package io.github.eidvn.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.keys.KeyRing;

/** Shared assertion fixtures for tests of eid-core and the modules above it. */
public final class AssertionFixtures {

    /** The hospital presentation's citizen claims (the example of the issuer brief). */
    public static final String HOSPITAL_CLAIMS_JSON = "{\"personal_number\":\"079303012345\","
            + "\"name\":\"Nguyễn Thị Minh Khai\",\"birthdate\":\"2003-05-17\",\"gender\":\"female\","
            + "\"health_insurance\":{\"number\":\"HS4790120878811\",\"valid_from\":\"2026-01-01\","
            + "\"valid_to\":\"2026-12-31\",\"benefit_level\":4,\"facility\":\"79024\"}}";

    /** The issuer id used in fixtures. */
    public static final String ISSUER = "https://vneid.gov.vn";

    /** A fixed "now": 2026-09-17T03:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-09-17T03:00:00Z");

    private AssertionFixtures() {
    }

    /**
     * A JSON object value as a map, for assertions in tests.
     *
     * @param value a value known to be a {@code Map<String, Object>}
     * @return the map
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** @return a clock fixed at {@link #NOW} */
    public static Clock clock() {
        return clockAt(NOW);
    }

    /**
     * @param instant the time
     * @return a clock fixed at it
     */
    public static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** @return the hospital citizen claims */
    public static Map<String, Object> hospitalClaims() {
        return AssertionRequest.parseClaims(HOSPITAL_CLAIMS_JSON);
    }

    /**
     * The hospital presentation: level 2, amr face, evidence electronic_record/data (population registry
     * match) and document/vcrypt (ID-card chip verified, OpenID Connect for Identity Assurance check methods),
     * aud 79024, purpose bhyt-checkin.
     *
     * @return the request
     */
    public static AssertionRequest hospitalRequest() {
        return hospitalRequest(AssuranceLevel.LEVEL_2);
    }

    /**
     * The hospital presentation at a given level.
     *
     * @param level the level
     * @return the request
     */
    public static AssertionRequest hospitalRequest(AssuranceLevel level) {
        return AssertionRequest.builder()
                .level(level)
                .methods(level == AssuranceLevel.LEVEL_2 ? "face" : "pwd")
                .evidence(level == AssuranceLevel.LEVEL_2
                        ? List.of(Evidence.of("electronic_record", "data"), Evidence.of("document", "vcrypt"))
                        : List.of(Evidence.of("electronic_record", "data")))
                .claims(hospitalClaims())
                .audience("79024")
                .purpose("bhyt-checkin")
                .build();
    }

    /**
     * An issuer at {@link #ISSUER} with the given ring and clock.
     *
     * @param ring the keys
     * @param clock the clock
     * @return the issuer
     */
    public static AssertionIssuer issuer(KeyRing ring, Clock clock) {
        return AssertionIssuer.builder().issuer(ISSUER).keyRing(ring).clock(clock).build();
    }
}
