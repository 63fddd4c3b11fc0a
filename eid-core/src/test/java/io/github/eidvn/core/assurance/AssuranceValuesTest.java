package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.assurance.ProofingFixtures.ANH;
import static io.github.eidvn.core.assurance.ProofingFixtures.FATHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.core.identity.PersonalNumber;

import java.util.List;

import org.junit.jupiter.api.Test;

class AssuranceValuesTest {

    @Test
    void inMemoryRegistry_looksUpByNumber() {
        InMemoryPopulationRegistry r = InMemoryPopulationRegistry.of(ANH, FATHER);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.lookup(PersonalNumber.of("079303012345"))).contains(ANH);
        assertThat(r.lookup(PersonalNumber.of("079303012346"))).isEmpty();
        assertThat(InMemoryPopulationRegistry.of(List.of(ANH)).lookup(ANH.personalNumber())).contains(ANH);
        assertThat(InMemoryPopulationRegistry.builder().add(FATHER).build().lookup(FATHER.personalNumber()))
                .contains(FATHER);
        assertThat(r.toString()).doesNotContain("079303012345");
    }

    @Test
    void inMemoryRegistry_duplicateNumber_throwsIllegalArgument() {
        assertThatThrownBy(() -> InMemoryPopulationRegistry.of(ANH, ANH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("079303012345");
    }

    @Test
    void biometricMatch_scoreOutsideUnitInterval_throws() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new BiometricMatch(BiometricMethod.FACE, bad, true))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new BiometricMatch(BiometricMethod.FACE, 0.0, true).score()).isZero();
        assertThat(new BiometricMatch(BiometricMethod.FACE, 1.0, true).score()).isEqualTo(1.0);
    }

    @Test
    void biometricProbe_copiesBytes_andHidesThemInToString() {
        byte[] sample = {9, 8, 7};
        BiometricProbe p = BiometricProbe.ofBytes(BiometricMethod.FACE, sample);
        sample[0] = 0;
        assertThat(p.bytes()).get().isEqualTo(new byte[] {9, 8, 7});
        p.bytes().get()[1] = 0;
        assertThat(p.bytes()).get().isEqualTo(new byte[] {9, 8, 7});
        assertThat(p.reference()).isEmpty();
        assertThat(p.toString()).isEqualTo("BiometricProbe[FACE, 3 bytes]");
        assertThatThrownBy(() -> BiometricProbe.ofBytes(BiometricMethod.FACE, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BiometricProbe.ofReference(BiometricMethod.FACE, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BiometricProbe.ofReference(BiometricMethod.FINGERPRINT, "r1").reference()).contains("r1");
    }

    @Test
    void biometricMethods_haveRfc8176Amr() {
        assertThat(BiometricMethod.FACE.amr()).isEqualTo("face");
        assertThat(BiometricMethod.FINGERPRINT.amr()).isEqualTo("fpt");
    }

    @Test
    void chipEvidence_requiresNumberNameAndVerificationTime() {
        assertThatThrownBy(() -> ChipEvidence.builder().personalNumber(ANH.personalNumber()).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChipEvidence.builder().personalNumber(ANH.personalNumber())
                .fullName(ANH.fullName()).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChipEvidence.builder().personalNumber(ANH.personalNumber())
                .personalNumber(ANH.personalNumber())).isInstanceOf(IllegalStateException.class);
    }
}
