package io.github.eidvn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of eid-core form layers, and every reference points down (or stays inside its own package): a lower
 * package never names a higher one, in an import or a fully-qualified name in code (comments are ignored). The
 * order is written here once and in {@code docs/ARCHITECTURE.md} (section 2, "Packages inside eid-core").
 *
 * <p>The sources are read rather than the class files, so a compile-time constant of a higher package (inlined by
 * javac) still counts as a reference.
 */
class LayersTest {

    /** Bottom to top. A package may use only its own layer's package or lower layers. */
    static final List<String> LAYERS = List.of(
            "internal",  // primitives: base64url, strict JSON, raw DEFLATE, ES256 engines, JWK parsing, free text
            "result",    // Outcome, Refusal and the bilingual texts every result and reason shares
            "spi",       // the state store
            "identity",  // citizen data and Vietnamese validation
            "keys",      // JWK keys, key ring, trust store
            "codec",     // the citizen claims of assertions and shared data
            "assurance", // levels, proofing, age rules, assertions and their JWT / QR claim forms
            "jose",      // the verification machinery of the three verifiers
            "consent",   // relying parties, purposes, requests, receipts, ledger
            "sharing");  // sign-then-encrypt delivery (the account rules live in module eid-account, above all these)

    private static final Path SOURCES = Path.of("src/main/java/io/github/eidvn/core");
    private static final Pattern PACKAGE = Pattern.compile("^package io\\.github\\.eidvn\\.core\\.([a-z.]+);",
            Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("io\\.github\\.eidvn\\.core\\.([a-z]+(?:\\.[a-z]+)*)");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyReferenceBetweenPackages_pointsDownTheLayers() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher own = PACKAGE.matcher(text);
            if (!own.find()) {
                continue; // module-info
            }
            String from = own.group(1);
            int fromLayer = layer(from);
            Matcher ref = REFERENCE.matcher(COMMENTS.matcher(text).replaceAll(""));
            while (ref.find()) {
                String to = ref.group(1); // the lower-case segments before the class name
                if (!to.equals(from) && layer(to) > fromLayer) {
                    upward.add(SOURCES.relativize(file) + ": " + from + " -> " + to);
                }
            }
        }
        assertThat(upward).as("references from a lower layer to a higher one (order: %s)", LAYERS).isEmpty();
    }

    @Test
    void everyPackage_hasItsLayer() throws IOException {
        TreeSet<String> unknown = new TreeSet<>();
        for (Path file : sources()) {
            Matcher own = PACKAGE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (own.find() && layerOrMinusOne(own.group(1)) < 0) {
                unknown.add(own.group(1));
            }
        }
        assertThat(unknown).as("packages missing from LAYERS").isEmpty();
    }

    @Test
    void layerOf_subPackage_isItsTopPackagesLayer() {
        assertThat(layer("sharing.sub")).isEqualTo(layer("sharing"));
        assertThat(layer("internal")).isLessThan(layer("assurance"));
    }

    private static List<Path> sources() throws IOException {
        assertThat(SOURCES).as("eid-core sources (the test runs in the module directory)").isDirectory();
        try (Stream<Path> s = Files.walk(SOURCES)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertThat(files).hasSizeGreaterThan(50);
            return files;
        }
    }

    private static int layer(String pkg) {
        int i = layerOrMinusOne(pkg);
        assertThat(i).as("layer of %s", pkg).isNotNegative();
        return i;
    }

    private static int layerOrMinusOne(String pkg) {
        String top = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
        return LAYERS.indexOf(top);
    }
}
