package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Checks that the README holds a test's marked code region verbatim (the test runs it). */
final class ReadmeSamples {

    private ReadmeSamples() {
    }

    /**
     * @param testFile the test's source file name in this package
     * @param beginLine the marker line opening the region, with its indentation
     * @param endLine the marker line closing it
     */
    static void assertReadmeHolds(String testFile, String beginLine, String endLine) throws IOException {
        Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
                Path.of("..").toAbsolutePath().toString())).resolve("README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("..", "README.md");
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(Path.of("src/test/java/io/github/eidvn/examples", testFile),
                StandardCharsets.UTF_8);
        int begin = lines.indexOf(beginLine);
        int end = lines.indexOf(endLine);
        assertThat(begin).isNotNegative().isLessThan(end);
        int indent = beginLine.length() - beginLine.stripLeading().length();
        String sample = lines.subList(begin + 1, end).stream()
                .map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
        assertThat(text).contains(sample);
    }
}
