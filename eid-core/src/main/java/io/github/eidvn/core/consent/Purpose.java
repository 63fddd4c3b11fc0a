package io.github.eidvn.core.consent;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One purpose of a {@link PurposeCatalogue}: a code, its Vietnamese and English names, the citizen fields a
 * request for this purpose may ask for (data minimisation, Nghị định 13/2023/NĐ-CP Điều 3) and, for the 25 essential
 * online public services of Đề án 06, the item's number in Phụ lục 1 of Quyết định 06/QĐ-TTg.
 *
 * <p>Immutable and thread-safe; equality is by every member.
 */
public final class Purpose {

    /** What kind of service the purpose serves. */
    public enum Kind {
        /** One of the 25 essential online public services of Đề án 06 (Phụ lục I). */
        ESSENTIAL_PUBLIC_SERVICE,
        /** A service of a bank, e-wallet, hospital or other private or public organisation. */
        OTHER_SERVICE
    }

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    private final String code;
    private final String nameVi;
    private final String nameEn;
    private final Kind kind;
    private final Set<CitizenField> fields;
    private final int number;

    private Purpose(String code, String nameVi, String nameEn, Kind kind, Set<CitizenField> fields, int number) {
        this.number = number;
        this.code = code;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.kind = kind;
        this.fields = fields;
    }

    /**
     * A purpose.
     *
     * @param code 1 to 48 characters of {@code [a-z0-9-]}, starting with a letter or digit, e.g. {@code bank-ekyc}
     * @param nameVi the name shown to citizens, in Vietnamese
     * @param nameEn the name in English
     * @param kind the kind of service
     * @param fields the fields a request for this purpose may ask for; not empty
     * @return the purpose
     * @throws IllegalArgumentException for a malformed code, a blank name or no fields
     */
    public static Purpose of(String code, String nameVi, String nameEn, Kind kind, Collection<CitizenField> fields) {
        return create(code, nameVi, nameEn, kind, fields, 0);
    }

    /**
     * One of the 25 essential online public services of Đề án 06, with its number in Phụ lục 1 of Quyết định
     * 06/QĐ-TTg; its kind is {@link Kind#ESSENTIAL_PUBLIC_SERVICE}.
     *
     * @param number the item's number, 1 to 25
     * @param code as in {@link #of}
     * @param nameVi the item's Vietnamese title as Phụ lục 1 words it
     * @param nameEn the title in English
     * @param fields the fields a request for this purpose may ask for; not empty
     * @return the purpose
     * @throws IllegalArgumentException for a number outside 1 to 25, a malformed code, a blank name or no fields
     */
    public static Purpose essentialService(int number, String code, String nameVi, String nameEn,
            Collection<CitizenField> fields) {
        if (number < 1 || number > 25) {
            throw new IllegalArgumentException("an essential service is numbered 1 to 25: " + number);
        }
        return create(code, nameVi, nameEn, Kind.ESSENTIAL_PUBLIC_SERVICE, fields, number);
    }

    private static Purpose create(String code, String nameVi, String nameEn, Kind kind,
            Collection<CitizenField> fields, int number) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fields, "fields");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("purpose code must match " + CODE + ": " + code);
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a purpose needs at least one field: " + code);
        }
        return new Purpose(code, text("nameVi", nameVi), text("nameEn", nameEn), kind,
                Collections.unmodifiableSet(EnumSet.copyOf(fields)), number);
    }

    static String text(String what, String value) {
        Objects.requireNonNull(value, what);
        String s = value.strip();
        if (s.isEmpty() || s.length() > 300) {
            throw new IllegalArgumentException(what + " must have 1 to 300 characters");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
        return s;
    }

    /**
     * Whether a purpose code is well formed (not whether it is in a catalogue).
     *
     * @param code the code, may be null
     * @return true when it matches {@code [a-z0-9][a-z0-9-]{0,47}}
     */
    public static boolean isWellFormedCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** @return the code, e.g. {@code permanent-residence} */
    public String code() {
        return code;
    }

    /** @return the Vietnamese name */
    public String nameVi() {
        return nameVi;
    }

    /** @return the English name */
    public String nameEn() {
        return nameEn;
    }

    /**
     * The item's number in Phụ lục 1 of Quyết định 06/QĐ-TTg.
     *
     * @return 1 to 25 for a purpose made by {@link #essentialService}; empty for any other purpose
     */
    public OptionalInt number() {
        return number == 0 ? OptionalInt.empty() : OptionalInt.of(number);
    }

    /** @return the kind of service */
    public Kind kind() {
        return kind;
    }

    /** @return the fields a request for this purpose may ask for, unmodifiable, in declaration order */
    public Set<CitizenField> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Purpose)) {
            return false;
        }
        Purpose p = (Purpose) o;
        return code.equals(p.code) && nameVi.equals(p.nameVi) && nameEn.equals(p.nameEn) && kind == p.kind
                && fields.equals(p.fields) && number == p.number;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, nameVi, nameEn, kind, fields, number);
    }

    @Override
    public String toString() {
        return "Purpose[" + code + "]";
    }
}
