package io.github.eidvn.account.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * The guess-count estimate of zxcvbn4j (Dropbox's zxcvbn: dictionary words and their l33t and reversed forms,
 * keyboard walks, repeats, sequences, dates), with its English dictionaries plus a Vietnamese one (words typed
 * without diacritics, common names and provinces: {@code vietnamese-words.txt}).
 *
 * <p>The estimate reads the {@linkplain PasswordText#folded() folded} password, so diacritics do not hide a word, and
 * at most its first {@value #MAX_MEASURED} characters (zxcvbn's cost grows with the length; a longer password is at
 * least as strong as its prefix).
 */
final class PasswordStrength {

    /** Code points measured at most. */
    static final int MAX_MEASURED = 100;

    /** What made a password guessable, for the message. */
    enum Weakness {
        /** A repeated character or block ({@code aaaa}, {@code abcabc}). */
        REPEAT,
        /** A run such as {@code 12345} or {@code abcd}. */
        SEQUENCE,
        /** Neighbouring keys ({@code qwerty}, {@code 1qaz}). */
        KEYBOARD,
        /** A dictionary word, name or common password, in any case, reversed or with l33t substitutions. */
        WORD,
        /** A date or a year. */
        DATE,
        /** Simply too short for its character mix. */
        SHORT
    }

    /**
     * An estimate.
     *
     * @param guessesLog10 log10 of the estimated guesses
     * @param weakness the pattern that covers most of the password (meaningful when the estimate is low)
     */
    record Estimate(double guessesLog10, Weakness weakness) {
    }

    private static final class Holder {
        static final Zxcvbn ZXCVBN = build();

        private static Zxcvbn build() {
            try {
                List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
                dictionaries.add(new Dictionary("vietnamese", vietnameseWords()));
                return new ZxcvbnBuilder().dictionaries(dictionaries)
                        .keyboards(StandardKeyboards.loadAllKeyboards()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("loading the password-strength dictionaries failed", e);
            }
        }
    }

    private PasswordStrength() {
    }

    /** @return the bundled Vietnamese words, most common first */
    static List<String> vietnameseWords() {
        Set<String> words = new LinkedHashSet<>();
        try (InputStream in = PasswordStrength.class.getResourceAsStream("vietnamese-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("bundled Vietnamese word list missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    words.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled Vietnamese word list failed", e);
        }
        return List.copyOf(words);
    }

    /**
     * Estimates how many guesses the password takes.
     *
     * @param pw the candidate
     * @param userInputs words tied to the account (personal number, phone, birth-date forms, context words): cheap
     *        to guess for this account
     * @return the estimate
     */
    static Estimate estimate(PasswordText pw, List<String> userInputs) {
        String folded = pw.folded();
        if (folded.codePointCount(0, folded.length()) > MAX_MEASURED) {
            folded = folded.substring(0, folded.offsetByCodePoints(0, MAX_MEASURED));
        }
        Strength s = Holder.ZXCVBN.measure(folded, userInputs);
        try {
            return new Estimate(s.getGuessesLog10(), weakness(s.getSequence()));
        } finally {
            s.wipe();
        }
    }

    private static Weakness weakness(List<Match> sequence) {
        Match longest = null;
        for (Match m : sequence) {
            if (longest == null || m.tokenLength() > longest.tokenLength()) {
                longest = m;
            }
        }
        if (longest == null) {
            return Weakness.SHORT;
        }
        return switch (longest.pattern) {
            case Repeat -> Weakness.REPEAT;
            case Sequence -> longest.token.chars().distinct().count() == 1 ? Weakness.REPEAT : Weakness.SEQUENCE;
            case Spatial -> Weakness.KEYBOARD;
            case Dictionary -> Weakness.WORD;
            case Date, Regex -> Weakness.DATE;
            case Bruteforce -> Weakness.SHORT;
        };
    }
}
