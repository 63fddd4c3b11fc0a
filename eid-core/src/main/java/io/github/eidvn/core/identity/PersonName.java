package io.github.eidvn.core.identity;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.internal.FreeText;

/**
 * A person's full name (họ, chữ đệm và tên), normalised: Unicode NFC and whitespace folded (every run of Unicode
 * white space, including no-break and ideographic spaces, becomes one ASCII space; leading and trailing space removed).
 *
 * <p>So a name typed in NFD (decomposed, as some Mac and legacy Windows input methods produce) equals its NFC form.
 * Compare names from different sources with {@link #matches(PersonName, NameComparison)}: every mode treats both
 * tone-mark placements ("Hoà"/"Hòa") as the same name; {@link NameComparison#CASE_INSENSITIVE} for identity,
 * {@link NameComparison#DIACRITIC_INSENSITIVE} only for search or against MRZ or legacy upper-case ASCII data
 * ({@code NGUYEN VAN DUC}).
 *
 * <p>Accepted names are non-blank, at most {@value #MAX_LENGTH} characters after normalisation, and without control
 * or format characters (bidi controls U+202A-U+202E and U+2066-U+2069, zero-width characters, soft hyphen: they can
 * make a name display as another). Letters are not otherwise restricted (names of ethnic minorities and foreigners vary).
 *
 * <p><b>Privacy.</b> A name is personal data: {@link #toString()} shows only initials ({@code N*** V*** Đ***}).
 */
public final class PersonName {

    /** Maximum length in UTF-16 characters after normalisation. */
    public static final int MAX_LENGTH = 200;

    private final String value;

    private PersonName(String value) {
        this.value = value;
    }

    /**
     * Normalises a name or any short free text: NFC, white-space runs folded to one space, trimmed.
     *
     * @param text the text
     * @return the normalised text (possibly empty)
     * @throws NullPointerException if {@code text} is null
     */
    public static String normalize(String text) {
        Objects.requireNonNull(text, "text");
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /**
     * A name from outside input.
     *
     * @param raw the text, may be null
     * @return the normalised name, or empty for null, blank, too long or containing control or format characters
     */
    public static Optional<PersonName> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String n = normalize(raw);
        if (n.isEmpty() || n.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (FreeText.forbiddenCharacter(n) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new PersonName(n));
    }

    /**
     * A name known to be acceptable (fixtures, registry data).
     *
     * @param raw the text
     * @return the normalised name
     * @throws NullPointerException if {@code raw} is null
     * @throws IllegalArgumentException if it is blank, too long or has control or format characters
     */
    public static PersonName of(String raw) {
        Objects.requireNonNull(raw, "raw");
        return parse(raw).orElseThrow(() -> new IllegalArgumentException(
                "not an acceptable name (blank, longer than " + MAX_LENGTH + " or with control or format characters)"));
    }

    /**
     * The normalised name.
     *
     * @return e.g. {@code "Nguyễn Văn Đức"}
     */
    public String value() {
        return value;
    }

    /**
     * The name without diacritics in upper-case ASCII letters where possible ({@code đ}/{@code Đ} become {@code D}),
     * as in MRZ and legacy data.
     *
     * @return e.g. {@code "NGUYEN VAN DUC"}
     */
    public String withoutDiacritics() {
        return NameComparison.DIACRITIC_INSENSITIVE.key(value);
    }

    /**
     * Compares with another name.
     *
     * @param other the other name
     * @param mode how to compare
     * @return true when the names match under {@code mode}
     */
    public boolean matches(PersonName other, NameComparison mode) {
        Objects.requireNonNull(other, "other");
        return Objects.requireNonNull(mode, "mode").key(value).equals(mode.key(other.value));
    }

    /**
     * Initials only: the first letter of each word followed by {@code ***}.
     *
     * @return e.g. {@code "N*** V*** Đ***"}
     */
    public String masked() {
        StringBuilder sb = new StringBuilder();
        for (String word : value.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.appendCodePoint(word.codePointAt(0)).append("***");
        }
        return sb.toString();
    }

    /** @return the {@link #masked()} form */
    @Override
    public String toString() {
        return masked();
    }

    /** Equality is exact equality of the normalised forms. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName && ((PersonName) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
