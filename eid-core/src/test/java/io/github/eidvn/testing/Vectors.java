package io.github.eidvn.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Access to the outside test vectors in {@code ../shared/vectors/} (ARCHITECTURE §6.12).
 *
 * <p>The folder is read at test time and never copied into the repository. When it is absent (a clone outside the
 * workspace) a test that needs it is skipped with a visible message; when the environment variable {@code CI} is
 * {@code true} the test fails instead, so conformance tests cannot silently stop running in CI.
 */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The vectors root, or skip/fail as described in the class comment.
     *
     * @return the existing vectors root folder
     */
    public static Path root() {
        String configured = System.getProperty("eid.vectors");
        Path root = configured == null ? Path.of("..", "..", "shared", "vectors") : Path.of(configured);
        if (!Files.isDirectory(root)) {
            String message = "outside test vectors not found at " + root.toAbsolutePath().normalize()
                    + " (set -Deid.vectors=DIR)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true requires them");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return root;
    }

    /**
     * A file or folder below the vectors root; it must exist.
     *
     * @param first path element below the root
     * @param more further path elements
     * @return the existing path
     */
    public static Path path(String first, String... more) {
        Path p = root().resolve(Path.of(first, more));
        if (!Files.exists(p)) {
            fail("vector missing: " + p.toAbsolutePath().normalize());
        }
        return p;
    }
}
