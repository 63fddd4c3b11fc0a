package io.github.eidvn.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * How two names are compared. Every mode first applies {@link PersonName#normalize(String)} (NFC, white space
 * folded), so NFD input always matches its NFC form, and then {@link #normalizeToneMarks(String)}: Vietnamese writes
 * the tone mark of an open syllable ending in {@code oa}, {@code oe} or {@code uy} in two ways, both in use in
 * registries ("Hoà"/"Hòa", "Thuỷ"/"Thủy", "Khoẻ"/"Khỏe"), and every mode treats them as the same name. Display
 * always keeps what was given ({@link PersonName#value()}).
 *
 * <p>Identity matching (proofing, chip against registry) uses {@link #CASE_INSENSITIVE} at most: "Hà", "Hạ" and "Ha"
 * are different names. {@link #DIACRITIC_INSENSITIVE} is for search and for matching against ASCII-only sources
 * (MRZ), never for deciding that two people are the same.
 */
public enum NameComparison {
    /** Identical after normalisation (NFC, white space, tone-mark placement). */
    EXACT,
    /** Identical after normalisation except for letter case ({@code Nguyễn Văn Đức} = {@code NGUYỄN VĂN ĐỨC}). */
    CASE_INSENSITIVE,
    /**
     * Identical after normalisation, ignoring case and diacritics: combining marks are removed after canonical
     * decomposition and {@code đ/Đ} fold to {@code d/D} ({@code Nguyễn Văn Đức} = {@code NGUYEN VAN DUC}). The look-alike
     * {@code Ð/ð} (U+00D0/U+00F0), which legacy encodings often put in place of {@code Đ/đ}, fold to {@code D/d} too.
     */
    DIACRITIC_INSENSITIVE;

    /**
     * The comparison key of a text under this mode: two texts match when their keys are equal. Useful to index names.
     *
     * @param text the text
     * @return the key ({@link #DIACRITIC_INSENSITIVE} keys are upper case)
     * @throws NullPointerException if {@code text} is null
     */
    public String key(String text) {
        String n = normalizeToneMarks(PersonName.normalize(text));
        switch (this) {
            case EXACT:
                return n;
            case CASE_INSENSITIVE:
                return Normalizer.normalize(n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
            case DIACRITIC_INSENSITIVE:
                return foldDiacritics(n);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Whether two texts match under this mode.
     *
     * @param a a name
     * @param b another name
     * @return true when their keys are equal
     * @throws NullPointerException if either is null
     */
    public boolean matches(String a, String b) {
        return key(Objects.requireNonNull(a, "a")).equals(key(Objects.requireNonNull(b, "b")));
    }

    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323"; // huyền, sắc, ngã, hỏi, nặng

    /**
     * Puts the tone mark of every open syllable ending in {@code oa}, {@code oe} or {@code uy} (not {@code quy}) on
     * the first vowel of the pair, the placement of the older orthography: {@code Hoà} → {@code Hòa}, {@code Thuỷ} →
     * {@code Thủy}, {@code Khoẻ} → {@code Khỏe}. Syllables with a final consonant ({@code Hoàng}, {@code Tuyết})
     * and {@code qu}+{@code y} ({@code Quý}) are written one way only and are left alone; so is everything else.
     *
     * @param text the text
     * @return the text with one placement, in NFC
     * @throws NullPointerException if {@code text} is null
     */
    public static String normalizeToneMarks(String text) {
        String nfd = Normalizer.normalize(Objects.requireNonNull(text, "text"), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        int i = 0;
        while (i < nfd.length()) {
            int end = i;
            while (end < nfd.length() && isWordChar(nfd.charAt(end))) {
                end++;
            }
            if (end == i) {
                out.append(nfd.charAt(i++));
                continue;
            }
            out.append(moveTone(nfd.substring(i, end)));
            i = end;
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** One NFD word: move a tone mark between the two vowels of a final bare oa/oe/uy. */
    private static String moveTone(String word) {
        int tone = -1;
        for (int k = 0; k < word.length(); k++) {
            if (TONES.indexOf(word.charAt(k)) >= 0) {
                if (tone >= 0) {
                    return word; // two tone marks: not a Vietnamese syllable, leave it
                }
                tone = k;
            }
        }
        if (tone < 0) {
            return word;
        }
        char mark = word.charAt(tone);
        String bare = word.substring(0, tone) + word.substring(tone + 1);
        int n = bare.length();
        if (n < 2) {
            return word;
        }
        char first = Character.toLowerCase(bare.charAt(n - 2));
        char second = Character.toLowerCase(bare.charAt(n - 1));
        boolean pair = first == 'o' && (second == 'a' || second == 'e')
                || first == 'u' && second == 'y' && (n < 3 || Character.toLowerCase(bare.charAt(n - 3)) != 'q');
        // the mark must sit on one of the two letters (right after it in NFD), never elsewhere
        if (!pair || (tone != n - 1 && tone != n)) {
            return word;
        }
        return bare.substring(0, n - 1) + mark + bare.substring(n - 1);
    }

    private static String foldDiacritics(String nfc) {
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            switch (cp) {
                case 0x0110: // Đ
                case 0x00D0: // Ð (look-alike)
                    sb.append('D');
                    break;
                case 0x0111: // đ
                case 0x00F0: // ð (look-alike)
                    sb.append('d');
                    break;
                default:
                    sb.appendCodePoint(cp);
            }
        }
        return PersonName.normalize(sb.toString().toUpperCase(Locale.ROOT));
    }
}
