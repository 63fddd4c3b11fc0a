package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.core.result.BilingualText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every enum of eid that speaks to people (reasons, refusals, labels) implements {@link BilingualText}, and each of
 * its constants has a Vietnamese and an English text that are non-blank and differ. The enums are found on the class
 * path (the CLI's tests see core, account, qr, verifier, chip and oidc), so an enum added later is checked without editing
 * this test.
 */
class BilingualTextsTest {

    /** Method names that mark an enum as holding texts for people. */
    private static final Set<String> TEXT_METHODS = Set.of("vietnamese", "english", "messageVi", "messageEn",
            "labelVi", "labelEn", "descriptionVi", "descriptionEn");

    private static List<Class<?>> enums;

    @BeforeAll
    static void findEnums() throws IOException {
        enums = new ArrayList<>();
        for (String className : eidClassNames()) {
            Class<?> c;
            try {
                c = Class.forName(className, false, BilingualTextsTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (c.isEnum()) {
                enums.add(c);
            }
        }
    }

    @Test
    void scan_findsTheReasonEnumsOfEveryModule() {
        assertThat(enums).map(Class::getName).contains(
                "io.github.eidvn.core.identity.PersonalNumber$Reason",
                "io.github.eidvn.core.identity.HealthInsuranceNumber$Reason",
                "io.github.eidvn.core.assurance.ProofingResult$Reason",
                "io.github.eidvn.core.consent.RequestReason",
                "io.github.eidvn.qr.QrContent$Reason",
                "io.github.eidvn.qr.QrScanResult$Reason",
                "io.github.eidvn.qr.SignedQrText$Reason",
                "io.github.eidvn.chip.MrzResult$Reason",
                "io.github.eidvn.chip.ChipVerification$Reason",
                "io.github.eidvn.chip.ChipReadException$Reason",
                "io.github.eidvn.verifier.Reason",
                "io.github.eidvn.verifier.sharing.OpenReason",
                "io.github.eidvn.verifier.banking.TransferDecision$Refusal",
                "io.github.eidvn.oidc.client.LoginRefusal",
                "io.github.eidvn.oidc.provider.ProviderRefusal");
    }

    @Test
    void everyEnumWithTextsForPeople_implementsBilingualText() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : enums) {
            boolean hasText = Stream.of(c.getDeclaredMethods())
                    .anyMatch(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0
                            && m.getReturnType() == String.class && TEXT_METHODS.contains(m.getName()));
            if (hasText && !BilingualText.class.isAssignableFrom(c)) {
                missing.add(c.getName());
            }
        }
        assertThat(missing).as("enums with their own message methods instead of BilingualText").isEmpty();
    }

    @Test
    void everyBilingualConstant_hasTwoNonBlankDifferentTexts() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : enums) {
            if (!BilingualText.class.isAssignableFrom(c)) {
                continue;
            }
            for (Object constant : c.getEnumConstants()) {
                BilingualText text = (BilingualText) constant;
                String vi = text.vietnamese();
                String en = text.english();
                checked++;
                if (vi == null || vi.isBlank() || en == null || en.isBlank() || vi.equals(en)) {
                    bad.add(c.getName() + "." + constant + ": \"" + vi + "\" / \"" + en + "\"");
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(bad).isEmpty();
    }

    @Test
    void noReasonEnum_keepsAnOldMessageMethod() throws NoSuchMethodException {
        List<String> old = new ArrayList<>();
        for (Class<?> c : enums) {
            for (Method m : c.getDeclaredMethods()) {
                if (Set.of("messageVi", "messageEn", "labelVi", "labelEn", "descriptionVi", "descriptionEn")
                        .contains(m.getName())) {
                    old.add(c.getName() + "." + m.getName());
                }
            }
        }
        assertThat(old).as("use vietnamese() / english()").isEmpty();
    }

    private static Set<String> eidClassNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Enumeration<URL> roots = BilingualTextsTest.class.getClassLoader().getResources("io/github/eidvn/");
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if ("file".equals(root.getProtocol())) {
                Path dir;
                try {
                    dir = Paths.get(root.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
                Path base = dir.getParent().getParent().getParent();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(className(
                            base.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if ("jar".equals(root.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String entry = e.nextElement().getName();
                        if (entry.startsWith("io/github/eidvn/") && entry.endsWith(".class")) {
                            names.add(className(entry));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }
}
