package io.github.eidvn.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need something outside the JVM (a tool, a browser, a server feature): outside CI a
 * missing prerequisite skips the test with a visible message; when the environment variable {@code CI} is
 * {@code true} it fails the test, so that nothing stops running in CI without anyone noticing.
 */
public final class Ci {

    private Ci() {
    }

    /**
     * Whether this run is CI ({@code CI=true}).
     *
     * @return true in CI
     */
    public static boolean active() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Continues when the prerequisite holds; otherwise skips (outside CI) or fails (in CI).
     *
     * @param holds whether the prerequisite is there
     * @param what what is missing, for the message
     */
    public static void require(boolean holds, String what) {
        if (!holds) {
            skipOrFail(what);
        }
    }

    /**
     * Skips the running test with a visible message, or fails it in CI. Never returns normally.
     *
     * @param what what is missing
     * @return never: declared so that callers can write {@code throw Ci.skipOrFail(...)}
     */
    public static AssertionError skipOrFail(String what) {
        if (active()) {
            throw new AssertionError(what + "; CI=true requires it");
        }
        System.err.println("SKIPPED: " + what);
        Assumptions.abort(what);
        throw new AssertionError("unreachable: " + what);
    }
}
