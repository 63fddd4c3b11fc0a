package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HealthInsuranceNumberProperties {

    @Property(tries = 300)
    void arbitraryText_neverThrows(@ForAll String text) {
        assertThat(HealthInsuranceNumber.parse(text)).isNotNull();
    }

    @Provide
    Arbitrary<String> cardCodes() {
        Arbitrary<String> group = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
        Arbitrary<Integer> level = Arbitraries.integers().between(1, 5);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(12);
        return Combinators.combine(group, level, digits).as((g, l, d) -> g + l + d);
    }

    @Property(tries = 300)
    void everyWellFormedCardCode_parsesAndReassemblesIdentically(@ForAll("cardCodes") String code) {
        HealthInsuranceNumber n = HealthInsuranceNumber.parse(code).orElseThrow();
        assertThat(n.beneficiaryGroup().orElseThrow() + n.benefitLevel().orElseThrow().code()
                + n.provinceCode().orElseThrow() + n.socialInsuranceNumber()).isEqualTo(code);
        assertThat(n.value()).isEqualTo(code);
    }
}
