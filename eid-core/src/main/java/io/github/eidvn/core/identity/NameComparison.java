package io.github.eidvn.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * How two names are compared. Every mode first applies {@link PersonName#normalize(String)} (NFC, white space
 * folded), so NFD input always matches its NFC form.
 */
public enum NameComparison {
    /** Identical after normalisation. */
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
        String n = PersonName.normalize(text);
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
