package io.github.eidvn.account;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.internal.Checks;

/**
 * The key under which the account services keep an account's state: whatever the integrator uses (the VNeID app's
 * 12-digit personal number, a bank's customer number, a user name).
 *
 * <p><b>Canonical form.</b> The id is normalized to Unicode NFKC and then compared exactly (case-sensitive):
 * {@code "Ｋ１２"} (full-width) and {@code "K12"} are one account, {@code "an"} and {@code "An"} are two; lower-case a
 * user name yourself if your users type it in any case. It has 1..{@value #MAX_LENGTH} characters, each a letter or a
 * digit of any script or one of {@code . _ - @ +}; white space, controls, invisible and other characters are refused.
 *
 * <p>The personal number of the account holder is not derived from this id: the rules that need it (one phone per
 * person, recovery with an identity assertion) take it as a separate field.
 *
 * <p><b>Privacy.</b> {@link #toString()} masks the id ({@link Masking#account}); state-store keys hold a hash of it,
 * never the id itself.
 */
public final class AccountId {

    /** The longest id, in characters (code points). */
    public static final int MAX_LENGTH = 128;

    private final String value;

    private AccountId(String value) {
        this.value = value;
    }

    /**
     * Parses an id from untrusted input.
     *
     * @param id the id as given (may be null)
     * @return the id in canonical form, or empty when it breaks the rules of the class comment
     */
    public static Optional<AccountId> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 4 * MAX_LENGTH) {
            return Optional.empty();
        }
        String n = isPlainAscii(id) ? id : Normalizer.normalize(id, Normalizer.Form.NFKC);
        int count = 0;
        for (int i = 0; i < n.length();) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (++count > MAX_LENGTH || !(Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-'
                    || cp == '@' || cp == '+')) {
                return Optional.empty();
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new AccountId(n));
    }

    /** Whether every character is printable ASCII, which NFKC leaves as it is (the common case: no normalizing). */
    private static boolean isPlainAscii(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * An id the caller knows to be valid.
     *
     * @param id the id
     * @return the id in canonical form
     * @throws IllegalArgumentException when it breaks the rules of the class comment (the message does not repeat it)
     */
    public static AccountId of(String id) {
        return parse(Objects.requireNonNull(id, "id")).orElseThrow(() -> new IllegalArgumentException(
                "an account id has 1.." + MAX_LENGTH + " letters, digits or . _ - @ +"));
    }

    /**
     * The id of an account keyed by the holder's personal identification number (as the VNeID app does).
     *
     * @param personalNumber exactly 12 ASCII digits
     * @return the id
     * @throws IllegalArgumentException for anything else
     */
    public static AccountId ofPersonalNumber(String personalNumber) {
        if (!Checks.isPersonalNumber(personalNumber)) {
            throw new IllegalArgumentException("a personal number has exactly 12 digits");
        }
        return new AccountId(personalNumber);
    }

    /** @return the canonical id */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountId a && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the masked id */
    @Override
    public String toString() {
        return "AccountId[" + Masking.account(value) + "]";
    }
}
