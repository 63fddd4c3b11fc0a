package io.github.eidvn.account.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A set of refused passwords (whole-password match, as NIST SP 800-63B's blocklist), compared by skeleton: after NFKC,
 * without invisible characters, combining marks or diacritics ({@code đ} read as {@code d}), in lower case. So
 * {@code "P\u200Bassword@123"} and {@code "Mật khẩu"}-style spellings of a listed password are on the list too.
 *
 * <p>{@link #bundled()} holds a few hundred very common passwords: global top entries from public breach frequency
 * lists and passwords common in Vietnam ({@code matkhau}, {@code anhyeuem}, {@code 123456789}, lucky-number
 * sequences, place names, the service's own name, and their usual {@code Abc@123}-style decorations).
 */
public final class PasswordBlocklist {

    private static final String RESOURCE = "common-passwords.txt";

    private final Set<String> entries;

    private PasswordBlocklist(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    private static final class Bundled {
        static final PasswordBlocklist INSTANCE = load();

        private static PasswordBlocklist load() {
            Set<String> set = new HashSet<>();
            try (InputStream in = PasswordBlocklist.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled password blocklist missing");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null;) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        set.add(normalize(t));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the bundled password blocklist failed", e);
            }
            return new PasswordBlocklist(set);
        }
    }

    /** @return the bundled list of very common passwords */
    public static PasswordBlocklist bundled() {
        return Bundled.INSTANCE;
    }

    /** @return an empty list */
    public static PasswordBlocklist empty() {
        return new PasswordBlocklist(Set.of());
    }

    /**
     * A list of the given passwords (e.g. an operator's own list).
     *
     * @param passwords the refused passwords
     * @return the list
     */
    public static PasswordBlocklist of(Collection<String> passwords) {
        Set<String> set = new HashSet<>();
        for (String p : passwords) {
            set.add(normalize(Objects.requireNonNull(p, "password")));
        }
        return new PasswordBlocklist(set);
    }

    /**
     * This list plus another.
     *
     * @param other the other list
     * @return the union
     */
    public PasswordBlocklist plus(PasswordBlocklist other) {
        Set<String> set = new HashSet<>(entries);
        set.addAll(other.entries);
        return new PasswordBlocklist(set);
    }

    /**
     * Whether a password is on the list.
     *
     * @param password the candidate
     * @return true when refused
     */
    public boolean contains(CharSequence password) {
        return entries.contains(normalize(password.toString()));
    }

    /** @return the number of entries */
    public int size() {
        return entries.size();
    }

    static String normalize(String s) {
        return PasswordText.skeleton(s);
    }

    @Override
    public String toString() {
        return "PasswordBlocklist[" + entries.size() + " entries]";
    }
}
