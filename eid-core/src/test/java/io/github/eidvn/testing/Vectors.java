package io.github.eidvn.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to the outside test vectors kept in the repository's {@code vectors/} folder (ARCHITECTURE §6.12), each
 * folder with its source, licence and provenance.
 *
 * <p>The build passes the folder as {@code -Deid.vectors}; without it, tests look for {@code ../vectors} from the
 * module directory. A missing folder or file fails the test: conformance tests never skip.
 */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The vectors root.
     *
     * @return the existing vectors root folder
     */
    public static Path root() {
        String configured = System.getProperty("eid.vectors");
        Path root = configured == null ? Path.of("..", "vectors") : Path.of(configured);
        if (!Files.isDirectory(root)) {
            fail("test vectors not found at " + root.toAbsolutePath().normalize() + " (set -Deid.vectors=DIR)");
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
