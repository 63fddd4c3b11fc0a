package io.github.eidvn.core.jose;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fail-closed loop of eid's verifiers: the stages of an enum run in declaration order, the first rejection
 * stops the run, an unexpected runtime exception in a stage is a rejection ({@code unavailable}), and success needs
 * every stage to have passed. A verifier supplies its stages as a {@code switch} expression over its enum without
 * {@code default}, so a stage added to the enum does not compile until it is implemented.
 *
 * <p>Immutable and thread-safe when the stage function is.
 *
 * @param <S> the stage enum
 * @param <C> the per-call context the stages read and fill
 * @param <F> the verifier's rejection type
 */
public final class StagedPipeline<S extends Enum<S>, C, F> {

    /**
     * One stage of a verifier.
     *
     * @param <S> the stage enum
     * @param <C> the per-call context
     * @param <F> the rejection type
     */
    @FunctionalInterface
    public interface Stages<S, C, F> {
        /**
         * Runs one stage.
         *
         * @param stage the stage
         * @param context the per-call context
         * @return null when the stage passed, else the rejection
         */
        F run(S stage, C context);
    }

    private final Class<S> stageType;
    private final Stages<S, C, F> stages;
    private final Function<String, F> unavailable;

    /**
     * @param stageType the stage enum
     * @param stages the stage function
     * @param unavailable the rejection for an unexpected failure, given a technical detail
     */
    public StagedPipeline(Class<S> stageType, Stages<S, C, F> stages, Function<String, F> unavailable) {
        this.stageType = Objects.requireNonNull(stageType, "stageType");
        this.stages = Objects.requireNonNull(stages, "stages");
        this.unavailable = Objects.requireNonNull(unavailable, "unavailable");
    }

    /**
     * Runs every stage.
     *
     * @param context the per-call context
     * @return the first rejection, or empty when every stage ran and passed
     */
    public Optional<F> firstRejection(C context) {
        EnumSet<S> all = EnumSet.allOf(stageType);
        EnumSet<S> passed = EnumSet.noneOf(stageType);
        S[] order = stageType.getEnumConstants();
        F r = run(context, order[0], order[order.length - 1], passed);
        if (r != null) {
            return Optional.of(r);
        }
        if (!passed.equals(all)) {
            return Optional.of(unavailable.apply("pipeline incomplete: passed " + passed));
        }
        return Optional.empty();
    }

    /**
     * Runs the stages {@code from..to} in order (also for tests of single stages).
     *
     * @param context the per-call context
     * @param from the first stage
     * @param to the last stage
     * @param passed receives each stage that passed
     * @return the first rejection, or null when all of them passed
     */
    public F run(C context, S from, S to, Set<S> passed) {
        for (S s : stageType.getEnumConstants()) {
            if (s.compareTo(from) < 0 || s.compareTo(to) > 0) {
                continue;
            }
            F r;
            try {
                r = stages.run(s, context);
            } catch (RuntimeException e) {
                r = unavailable.apply("unexpected " + e.getClass().getSimpleName() + " in the " + s + " stage");
            }
            if (r != null) {
                return r;
            }
            passed.add(s);
        }
        return null;
    }
}
