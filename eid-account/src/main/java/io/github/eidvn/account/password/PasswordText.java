package io.github.eidvn.account.password;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A candidate password as every rule sees it: NFKC-normalized (what {@link PasswordHasher} hashes), whether it holds a
 * character no rule should accept, its length in visible characters, and its folded skeleton for word matching.
 *
 * <ul>
 * <li><b>Refused characters</b>: controls, unpaired surrogates, unassigned code points, format characters (general
 * category Cf: zero-width space, joiners, soft hyphen, word joiner, byte-order mark, bidi controls) and the other
 * Unicode default-ignorable code points (variation selectors, combining grapheme joiner, Hangul fillers, tags). They
 * are invisible, so they could pad the length or hide a blocklisted word; since they are refused, a stored hash never
 * contains one.</li>
 * <li><b>Length</b> counts code points after NFKC that are not combining marks (categories Mn, Mc, Me): a mark adds
 * nothing a person sees as a character, and NFKC already composes Vietnamese letters with their marks.</li>
 * <li><b>Skeleton</b>: NFKD, combining marks and refused characters removed, {@code đ}/{@code Đ} read as {@code d},
 * then lower case ({@link Locale#ROOT}). {@code "Mật khẩu"} and {@code "matkhau"} share the skeleton {@code "mat khau"}
 * / {@code "matkhau"}: blocklist, strength and context-word rules compare skeletons.</li>
 * </ul>
 */
final class PasswordText {

    private final String normalized;
    private final boolean invalid;
    private final int length;
    private final int codePoints;
    private final String folded;

    private PasswordText(String normalized) {
        this.normalized = normalized;
        boolean bad = false;
        int visible = 0;
        int all = 0;
        for (int i = 0; i < normalized.length();) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            all++;
            if (refused(cp)) {
                bad = true;
            } else if (!isMark(cp)) {
                visible++;
            }
        }
        this.invalid = bad;
        this.length = visible;
        this.codePoints = all;
        this.folded = fold(normalized);
    }

    /**
     * @param password the candidate as typed
     * @return its view for the rules
     */
    static PasswordText of(CharSequence password) {
        return new PasswordText(Normalizer.normalize(password, Normalizer.Form.NFKC));
    }

    /** @return the NFKC form, the one that is hashed */
    String normalized() {
        return normalized;
    }

    /** @return true when a refused character is present */
    boolean invalid() {
        return invalid;
    }

    /** @return the number of visible characters (code points after NFKC, combining marks and refused ones excluded) */
    int length() {
        return length;
    }

    /** @return every code point after NFKC (bounds the work of the slower rules) */
    int codePoints() {
        return codePoints;
    }

    /** @return the folded form for word comparisons (lower case) */
    String skeleton() {
        return folded.toLowerCase(Locale.ROOT);
    }

    /** @return the folded form with its case kept (for the strength estimate, which counts capitals) */
    String folded() {
        return folded;
    }

    /**
     * The skeleton of any text (blocklist entries, context words): see the class comment.
     *
     * @param s the text
     * @return its skeleton
     */
    static String skeleton(String s) {
        return fold(s).toLowerCase(Locale.ROOT);
    }

    private static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length();) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp) || refused(cp)) {
                continue;
            }
            if (cp == 'đ') {
                cp = 'd';
            } else if (cp == 'Đ') {
                cp = 'D';
            }
            sb.appendCodePoint(cp);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFKC);
    }

    /**
     * Whether a code point is refused in a password: see the class comment.
     *
     * @param cp the code point
     * @return true when refused
     */
    static boolean refused(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.FORMAT || defaultIgnorable(cp);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, Unicode 15) minus category Cf. */
    private static boolean defaultIgnorable(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
                || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }
}
