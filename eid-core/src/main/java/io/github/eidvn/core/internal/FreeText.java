package io.github.eidvn.core.internal;

/** The character policy of free text about a citizen (names, addresses, profile fields), written once. */
public final class FreeText {

    private FreeText() {
    }

    /**
     * The one character policy of names, addresses and other free text about a citizen (issue 13 of the audit): no
     * control character (Unicode category Cc, e.g. U+0000-U+001F, U+007F-U+009F), no format character (Cf: the
     * bidi controls U+202A-U+202E and U+2066-U+2069, U+200E/U+200F, zero-width U+200B-U+200D, U+2060, U+FEFF, the
     * soft hyphen U+00AD, ...) and no unpaired surrogate. Such characters can make a name display as another (a
     * right-to-left override reverses what follows) or hide differences between two names.
     *
     * @param s the text
     * @return the UTF-16 index of the first forbidden character, or -1 when there is none
     */
    public static int forbiddenCharacter(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int type = Character.getType(Character.toCodePoint(c, s.charAt(i + 1)));
                if (type == Character.FORMAT || type == Character.CONTROL) {
                    return i;
                }
                i++;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                return i;
            }
        }
        return -1;
    }
}
