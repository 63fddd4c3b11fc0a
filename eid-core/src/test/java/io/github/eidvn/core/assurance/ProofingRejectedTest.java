package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProofingRejectedTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void rejected_copiesTheMismatchedFields_andComparesByValue() {
        Set<IdentityField> fields = EnumSet.of(IdentityField.FULL_NAME);
        ProofingResult.Rejected r = new ProofingResult.Rejected(ProofingResult.Reason.FIELD_MISMATCH, "name", fields,
                NOW);
        fields.add(IdentityField.SEX);

        assertThat(r.mismatchedFields()).containsExactly(IdentityField.FULL_NAME);
        assertThatThrownBy(() -> r.mismatchedFields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r).isEqualTo(new ProofingResult.Rejected(ProofingResult.Reason.FIELD_MISMATCH, "name",
                Set.of(IdentityField.FULL_NAME), NOW));
        assertThat(r).hasToString("Rejected[FIELD_MISMATCH, name]");
        assertThat(r.describe()).isEqualTo("FIELD_MISMATCH: name");
    }

    @Test
    void rejected_withoutReasonDetailOrTime_throwsNamingIt() {
        assertThatThrownBy(() -> new ProofingResult.Rejected(null, "d", Set.of(), NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("reason");
        assertThatThrownBy(() -> new ProofingResult.Rejected(ProofingResult.Reason.NOT_IN_REGISTRY, null, Set.of(),
                NOW)).isInstanceOf(NullPointerException.class).hasMessage("detail");
        assertThatThrownBy(() -> new ProofingResult.Rejected(ProofingResult.Reason.NOT_IN_REGISTRY, "d", Set.of(),
                null)).isInstanceOf(NullPointerException.class).hasMessage("time");
    }
}
