package io.github.eidvn.core.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class StagedPipelineTest {

    private enum Step { ONE, TWO, THREE }

    private static StagedPipeline<Step, List<Step>, String> pipeline(Step failAt, boolean throwInstead) {
        return new StagedPipeline<>(Step.class, (s, ran) -> {
            ran.add(s);
            if (s == failAt) {
                if (throwInstead) {
                    throw new IllegalStateException("boom");
                }
                return "refused at " + s;
            }
            return null;
        }, detail -> "unavailable: " + detail);
    }

    @Test
    void firstRejection_everyStagePasses_emptyAndAllRanInOrder() {
        List<Step> ran = new ArrayList<>();
        assertThat(pipeline(null, false).firstRejection(ran)).isEmpty();
        assertThat(ran).containsExactly(Step.ONE, Step.TWO, Step.THREE);
    }

    @Test
    void firstRejection_stageRefuses_stopsThere() {
        List<Step> ran = new ArrayList<>();
        assertThat(pipeline(Step.TWO, false).firstRejection(ran)).contains("refused at TWO");
        assertThat(ran).containsExactly(Step.ONE, Step.TWO);
    }

    @Test
    void firstRejection_stageThrows_failsClosedNamingTheStage() {
        List<Step> ran = new ArrayList<>();
        assertThat(pipeline(Step.ONE, true).firstRejection(ran))
                .contains("unavailable: unexpected IllegalStateException in the ONE stage");
        assertThat(ran).containsExactly(Step.ONE);
    }

    @Test
    void run_range_recordsOnlyThePassedStages() {
        EnumSet<Step> passed = EnumSet.noneOf(Step.class);
        assertThat(pipeline(Step.THREE, false).run(new ArrayList<>(), Step.TWO, Step.THREE, passed))
                .isEqualTo("refused at THREE");
        assertThat(passed).containsExactly(Step.TWO);
    }
}
