package io.github.eidvn.account.password;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.eidvn.account.internal.Checks;

/**
 * A password policy: an immutable value with presets.
 *
 * <ul>
 * <li>{@link #vneid()}: 8–20 characters with an uppercase letter, a lowercase letter, a digit and a special character;
 * changed at least every 6 months; the last 5 passwords not reusable.</li>
 * <li>{@link #publicServicePortal()}: at least 8 characters (at most 64) with a special character from
 * {@code @#$%^&}, a digit, an uppercase and a lowercase letter; last 5 not reusable.</li>
 * <li>{@link #nist()}: NIST SP 800-63B-4: at least 15 characters when the password is the only factor, 8 with a second
 * factor, up to 64 (more allowed: 128), no composition rules and no periodic change; last 5 not reusable; at
 * least 10^10 estimated guesses when the password is the only factor (10^8 with a second factor).</li>
 * </ul>
 * Every preset also refuses passwords containing the personal number, the phone number, the birth date (yyyyMMdd,
 * ddMMyyyy, MMddyyyy, ddMMyy, d/M/yyyy with any or no separator) or a context word, and those on the
 * {@link PasswordBlocklist#bundled() bundled blocklist}, and those a strength estimate (zxcvbn4j with English and
 * Vietnamese dictionaries, the account's own data as known words) puts under 10^{@value #DEFAULT_MIN_GUESSES_LOG10}
 * guesses: repeats ({@code aaaaaaaa}), sequences ({@code 1234567890}), keyboard walks, dictionary words, names and
 * provinces typed with or without diacritics ({@code anhyeuem}, {@code Vietnam@2024}). The breached-password check is
 * off until {@link #withBreachedPasswordCheck} adds one.
 *
 * <p><b>One input policy.</b> Every rule reads the NFKC form, which is also what {@link PasswordHasher} hashes.
 * Control, format and other invisible characters (zero-width space and joiners, soft hyphen, word joiner, byte-order
 * mark, bidi controls, variation selectors) are refused ({@link PasswordRule#INVALID_CHARACTER}), so they can neither
 * pad the length nor hide a blocklisted word. Lengths count visible characters: code points after NFKC that are not
 * combining marks. Word rules (blocklist, strength, context words) compare a skeleton without diacritics or case.
 * {@link #check} returns every failed rule at once, with Vietnamese and English messages, for a form.
 *
 * <p><b>Security.</b> Messages never contain the password. With a breached-password check configured, a failure of
 * that service yields {@link PasswordRule#CHECK_UNAVAILABLE} (fail closed): a caller that prefers availability may
 * accept a result whose only failure is that rule. The history rule verifies the candidate against stored Argon2id
 * hashes (one hash computation per entry; parameters read from the hashes are bounded by the policy's hasher).
 */
public final class PasswordPolicy {

    /** The time zone in which "6 months" is counted for the VNeID maximum age. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The special characters of the public-service-portal preset. */
    public static final String PORTAL_SPECIALS = "@#$%^&";

    /**
     * The default strength floor: 10^8 estimated guesses, what eight random characters from the four classes give;
     * a dictionary word with a year and a symbol ({@code Vietnam@2024}) estimates at about 10^7.
     */
    public static final int DEFAULT_MIN_GUESSES_LOG10 = 8;

    private final String name;
    private final int minLength;
    private final int minLengthSingleFactor;
    private final int maxLength;
    private final boolean requireUppercase;
    private final boolean requireLowercase;
    private final boolean requireDigit;
    private final boolean requireSpecial;
    private final String specialCharacters;
    private final PasswordBlocklist blocklist;
    private final BreachedPasswordCheck breachCheck;
    private final Period maxAge;
    private final int historySize;
    private final PasswordHasher hasher;
    private final int minGuessesLog10;
    private final int minGuessesLog10SingleFactor;
    private final List<PasswordChecker> checkers;

    private PasswordPolicy(Builder b) {
        this.name = b.name == null ? "custom" : b.name;
        this.minLength = b.minLength == null ? 8 : b.minLength;
        this.minLengthSingleFactor = b.minLengthSingleFactor == null ? minLength : b.minLengthSingleFactor;
        this.maxLength = b.maxLength == null ? 64 : b.maxLength;
        this.requireUppercase = Boolean.TRUE.equals(b.requireUppercase);
        this.requireLowercase = Boolean.TRUE.equals(b.requireLowercase);
        this.requireDigit = Boolean.TRUE.equals(b.requireDigit);
        this.requireSpecial = b.requireSpecial != null || b.specialCharacters != null;
        this.specialCharacters = b.specialCharacters;
        this.blocklist = b.blocklist == null ? PasswordBlocklist.bundled() : b.blocklist;
        this.breachCheck = b.breachCheck;
        this.maxAge = b.maxAge;
        this.historySize = b.historySize == null ? 5 : b.historySize;
        this.hasher = b.hasher == null ? PasswordHasher.argon2id() : b.hasher;
        this.minGuessesLog10 = b.minGuessesLog10 == null ? DEFAULT_MIN_GUESSES_LOG10 : b.minGuessesLog10;
        this.minGuessesLog10SingleFactor = b.minGuessesLog10SingleFactor == null ? minGuessesLog10
                : b.minGuessesLog10SingleFactor;
        if (minGuessesLog10SingleFactor < minGuessesLog10) {
            throw new IllegalStateException("minGuessesLog10SingleFactor must be at least minGuessesLog10");
        }
        this.checkers = checkers();
        if (minLengthSingleFactor < minLength) {
            throw new IllegalStateException("minLengthSingleFactor must be at least minLength");
        }
        if (maxLength < minLengthSingleFactor) {
            throw new IllegalStateException("maxLength must be at least the minimum length");
        }
    }

    private PasswordPolicy(PasswordPolicy p, BreachedPasswordCheck breachCheck) {
        this.name = p.name;
        this.minLength = p.minLength;
        this.minLengthSingleFactor = p.minLengthSingleFactor;
        this.maxLength = p.maxLength;
        this.requireUppercase = p.requireUppercase;
        this.requireLowercase = p.requireLowercase;
        this.requireDigit = p.requireDigit;
        this.requireSpecial = p.requireSpecial;
        this.specialCharacters = p.specialCharacters;
        this.blocklist = p.blocklist;
        this.breachCheck = breachCheck;
        this.maxAge = p.maxAge;
        this.historySize = p.historySize;
        this.hasher = p.hasher;
        this.minGuessesLog10 = p.minGuessesLog10;
        this.minGuessesLog10SingleFactor = p.minGuessesLog10SingleFactor;
        this.checkers = checkers();
    }

    /** @return the VNeID app preset */
    public static PasswordPolicy vneid() {
        return builder().name("vneid").minLength(8).maxLength(20).requireUppercase().requireLowercase()
                .requireDigit().requireSpecial().maxAge(Period.ofMonths(6)).historySize(5).build();
    }

    /** @return the national public-service portal preset */
    public static PasswordPolicy publicServicePortal() {
        return builder().name("portal").minLength(8).maxLength(64).requireUppercase().requireLowercase()
                .requireDigit().requireSpecialFrom(PORTAL_SPECIALS).historySize(5).build();
    }

    /** @return the NIST SP 800-63B-4 preset */
    public static PasswordPolicy nist() {
        return builder().name("nist").minLength(8).minLengthSingleFactor(15).maxLength(128).historySize(5)
                .minGuessesLog10(8).minGuessesLog10SingleFactor(10).build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This policy with a breached-password check (e.g. {@link PwnedPasswordsClient}).
     *
     * @param check the check
     * @return a new policy
     */
    public PasswordPolicy withBreachedPasswordCheck(BreachedPasswordCheck check) {
        return new PasswordPolicy(this, Objects.requireNonNull(check, "check"));
    }

    /**
     * Checks a new password against every rule.
     *
     * @param password the candidate
     * @param context what is known about the account (use {@link PasswordContext#empty()} when nothing)
     * @return accepted, or rejected with every failed rule
     */
    public PasswordCheckResult check(CharSequence password, PasswordContext context) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(context, "context");
        PasswordText pw = PasswordText.of(password);
        List<PasswordFailure> failures = new ArrayList<>();
        for (PasswordChecker checker : checkers) {
            checker.check(pw, context, failures::add);
        }
        return failures.isEmpty() ? new PasswordCheckResult.Accepted() : new PasswordCheckResult.Rejected(failures);
    }

    private List<PasswordChecker> checkers() {
        List<PasswordChecker> list = new ArrayList<>();
        list.add(new PasswordChecker.Characters());
        list.add(new PasswordChecker.Length(minLength, minLengthSingleFactor, maxLength));
        list.add(new PasswordChecker.Composition(requireUppercase, requireLowercase, requireDigit, requireSpecial,
                specialCharacters));
        list.add(new PasswordChecker.PersonalData());
        list.add(new PasswordChecker.Blocklisted(blocklist));
        list.add(new PasswordChecker.Guessable(minGuessesLog10, minGuessesLog10SingleFactor));
        if (breachCheck != null) {
            list.add(new PasswordChecker.Breached(breachCheck));
        }
        list.add(new PasswordChecker.History(hasher, historySize));
        return List.copyOf(list);
    }

    /**
     * Checks the age of the current password (the maximum-age rule; a policy without maximum age accepts any age).
     *
     * @param lastChanged when the password was last set
     * @param now the current instant
     * @return accepted, or rejected with {@link PasswordRule#EXPIRED}
     */
    public PasswordCheckResult checkAge(Instant lastChanged, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<Instant> exp = expiresAt(lastChanged);
        if (exp.isPresent() && !now.isBefore(exp.get())) {
            int months = maxAge.getMonths() + 12 * maxAge.getYears();
            return new PasswordCheckResult.Rejected(List.of(PasswordFailure.of(PasswordRule.EXPIRED,
                    "Mật khẩu đã dùng quá " + (months > 0 ? months + " tháng" : maxAge.getDays() + " ngày")
                            + "; vui lòng đổi mật khẩu.",
                    "The password is older than " + (months > 0 ? months + " months" : maxAge.getDays() + " days")
                            + "; please change it.")));
        }
        return new PasswordCheckResult.Accepted();
    }

    /**
     * When a password set at {@code lastChanged} must be changed (counted in Vietnam's time zone).
     *
     * @param lastChanged when the password was set
     * @return the deadline, or empty when the policy has no maximum age
     */
    public Optional<Instant> expiresAt(Instant lastChanged) {
        Objects.requireNonNull(lastChanged, "lastChanged");
        if (maxAge == null) {
            return Optional.empty();
        }
        return Optional.of(lastChanged.atZone(VIETNAM).plus(maxAge).toInstant());
    }

    /**
     * The history to store after a password change: the new hash first, then the previous ones, trimmed to the
     * history size.
     *
     * @param history the stored history, newest first
     * @param newHash the new password's hash
     * @return the new history (immutable)
     */
    public List<String> rotateHistory(List<String> history, String newHash) {
        Objects.requireNonNull(newHash, "newHash");
        List<String> out = new ArrayList<>();
        out.add(newHash);
        for (String h : history) {
            if (out.size() >= Math.max(1, historySize)) {
                break;
            }
            out.add(Objects.requireNonNull(h, "history entry"));
        }
        return List.copyOf(out);
    }

    /** @return the preset or custom name */
    public String name() {
        return name;
    }

    /** @return the minimum length with a second factor */
    public int minLength() {
        return minLength;
    }

    /** @return the minimum length when the password is the only factor */
    public int minLengthSingleFactor() {
        return minLengthSingleFactor;
    }

    /** @return the maximum length */
    public int maxLength() {
        return maxLength;
    }

    /** @return the maximum age, if any */
    public Optional<Period> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** @return how many previous passwords cannot be reused */
    public int historySize() {
        return historySize;
    }

    /** @return the strength floor with a second factor, as log10 of the estimated guesses (0: off) */
    public int minGuessesLog10() {
        return minGuessesLog10;
    }

    /** @return the strength floor when the password is the only factor, as log10 of the estimated guesses */
    public int minGuessesLog10SingleFactor() {
        return minGuessesLog10SingleFactor;
    }

    /** @return true when a breached-password check is configured */
    public boolean checksBreaches() {
        return breachCheck != null;
    }

    /** The digit strings of a birth date in common formats (separators are ignored by comparing digits only). */
    static Set<String> birthDateForms(LocalDate d) {
        return PasswordChecker.PersonalData.birthDateForms(d);
    }

    @Override
    public String toString() {
        return "PasswordPolicy[" + name + ", length " + minLength
                + (minLengthSingleFactor != minLength ? "/" + minLengthSingleFactor : "") + ".." + maxLength
                + (requireUppercase ? ", upper" : "") + (requireLowercase ? ", lower" : "")
                + (requireDigit ? ", digit" : "")
                + (requireSpecial ? ", special" + (specialCharacters == null ? "" : " " + specialCharacters) : "")
                + (maxAge == null ? "" : ", maxAge " + maxAge) + ", history " + historySize
                + ", guesses 10^" + minGuessesLog10
                + (minGuessesLog10SingleFactor != minGuessesLog10 ? "/10^" + minGuessesLog10SingleFactor : "")
                + (breachCheck == null ? "" : ", breach check") + "]";
    }

    /** Configures a custom {@link PasswordPolicy}; each option can be set once. */
    public static final class Builder {
        private String name;
        private Integer minLength;
        private Integer minLengthSingleFactor;
        private Integer maxLength;
        private Boolean requireUppercase;
        private Boolean requireLowercase;
        private Boolean requireDigit;
        private Boolean requireSpecial;
        private String specialCharacters;
        private PasswordBlocklist blocklist;
        private BreachedPasswordCheck breachCheck;
        private Period maxAge;
        private Integer historySize;
        private PasswordHasher hasher;
        private Integer minGuessesLog10;
        private Integer minGuessesLog10SingleFactor;

        private Builder() {
        }

        /**
         * @param name a name for messages and logs
         * @return this
         */
        public Builder name(String name) {
            Checks.once(this.name, "name");
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param n minimum length (with a second factor, when {@link #minLengthSingleFactor} is set), 1..64
         *        (default 8)
         * @return this
         */
        public Builder minLength(int n) {
            Checks.once(minLength, "minLength");
            this.minLength = range(n, 1, 64, "minLength");
            return this;
        }

        /**
         * @param n minimum length when the password is the only factor (default: {@link #minLength})
         * @return this
         */
        public Builder minLengthSingleFactor(int n) {
            Checks.once(minLengthSingleFactor, "minLengthSingleFactor");
            this.minLengthSingleFactor = range(n, 1, 64, "minLengthSingleFactor");
            return this;
        }

        /**
         * @param n maximum length, 8..1024 (default 64)
         * @return this
         */
        public Builder maxLength(int n) {
            Checks.once(maxLength, "maxLength");
            this.maxLength = range(n, 8, 1024, "maxLength");
            return this;
        }

        /** @return this, requiring an uppercase letter */
        public Builder requireUppercase() {
            Checks.once(requireUppercase, "requireUppercase");
            this.requireUppercase = true;
            return this;
        }

        /** @return this, requiring a lowercase letter */
        public Builder requireLowercase() {
            Checks.once(requireLowercase, "requireLowercase");
            this.requireLowercase = true;
            return this;
        }

        /** @return this, requiring a digit */
        public Builder requireDigit() {
            Checks.once(requireDigit, "requireDigit");
            this.requireDigit = true;
            return this;
        }

        /** @return this, requiring a special character (anything not a letter, digit or space) */
        public Builder requireSpecial() {
            Checks.once(requireSpecial, "requireSpecial");
            if (specialCharacters != null) {
                throw new IllegalStateException("requireSpecialFrom already set");
            }
            this.requireSpecial = true;
            return this;
        }

        /**
         * @param characters requires a special character from this set (BMP characters)
         * @return this
         */
        public Builder requireSpecialFrom(String characters) {
            Checks.once(specialCharacters, "requireSpecialFrom");
            if (requireSpecial != null) {
                throw new IllegalStateException("requireSpecial already set");
            }
            if (Objects.requireNonNull(characters, "characters").isEmpty()) {
                throw new IllegalArgumentException("characters must not be empty");
            }
            this.specialCharacters = characters;
            return this;
        }

        /**
         * @param list the blocklist (default {@link PasswordBlocklist#bundled()})
         * @return this
         */
        public Builder blocklist(PasswordBlocklist list) {
            Checks.once(blocklist, "blocklist");
            this.blocklist = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * @param check a breached-password check (default none: off)
         * @return this
         */
        public Builder breachedPasswordCheck(BreachedPasswordCheck check) {
            Checks.once(breachCheck, "breachedPasswordCheck");
            this.breachCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * @param age the maximum age of a password (default none)
         * @return this
         */
        public Builder maxAge(Period age) {
            Checks.once(maxAge, "maxAge");
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("maxAge must be positive");
            }
            this.maxAge = age;
            return this;
        }

        /**
         * @param n previous passwords that cannot be reused, 0..24 (default 5)
         * @return this
         */
        public Builder historySize(int n) {
            Checks.once(historySize, "historySize");
            this.historySize = range(n, 0, 24, "historySize");
            return this;
        }

        /**
         * @param hasher verifies the history entries (default {@link PasswordHasher#argon2id()}; its bounds apply)
         * @return this
         */
        public Builder hasher(PasswordHasher hasher) {
            Checks.once(this.hasher, "hasher");
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /**
         * The strength floor: the password must take at least 10^n guesses by the zxcvbn estimate (with a second
         * factor, when {@link #minGuessesLog10SingleFactor} is set); 0 turns the rule off.
         *
         * @param n 0..20 (default {@value PasswordPolicy#DEFAULT_MIN_GUESSES_LOG10})
         * @return this
         */
        public Builder minGuessesLog10(int n) {
            Checks.once(minGuessesLog10, "minGuessesLog10");
            this.minGuessesLog10 = range(n, 0, 20, "minGuessesLog10");
            return this;
        }

        /**
         * @param n the strength floor when the password is the only factor, 0..20 (default: {@link #minGuessesLog10})
         * @return this
         */
        public Builder minGuessesLog10SingleFactor(int n) {
            Checks.once(minGuessesLog10SingleFactor, "minGuessesLog10SingleFactor");
            this.minGuessesLog10SingleFactor = range(n, 0, 20, "minGuessesLog10SingleFactor");
            return this;
        }

        /** @return the policy */
        public PasswordPolicy build() {
            return new PasswordPolicy(this);
        }

        private static int range(int v, int lo, int hi, String name) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + " must be " + lo + ".." + hi);
            }
            return v;
        }
    }
}
