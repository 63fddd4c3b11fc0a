package io.github.eidvn.core.account.password;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.eidvn.core.account.PhoneNumbers;
import io.github.eidvn.core.account.internal.Checks;

/**
 * A password policy: an immutable value with presets.
 *
 * <ul>
 * <li>{@link #vneid()}: 8–20 characters with an uppercase letter, a lowercase letter, a digit and a special character;
 * changed at least every 6 months; the last 5 passwords not reusable.</li>
 * <li>{@link #publicServicePortal()}: at least 8 characters (at most 64) with a special character from
 * {@code @#$%^&}, a digit, an uppercase and a lowercase letter; last 5 not reusable.</li>
 * <li>{@link #nist()}: NIST SP 800-63B-4: at least 15 characters when the password is the only factor, 8 with a second
 * factor, up to 64 (more allowed: 128), no composition rules and no periodic change; last 5 not reusable.</li>
 * </ul>
 * Every preset also refuses passwords containing the personal number, the phone number, the birth date (yyyyMMdd,
 * ddMMyyyy, MMddyyyy, ddMMyy, d/M/yyyy with any or no separator) or a context word, and those on the
 * {@link PasswordBlocklist#bundled() bundled blocklist}. The breached-password check is off until
 * {@link #withBreachedPasswordCheck} adds one.
 *
 * <p>Lengths count Unicode code points after NFKC normalization. {@link #check} returns every failed rule at once, with
 * Vietnamese and English messages, for a form.
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
        return builder().name("nist").minLength(8).minLengthSingleFactor(15).maxLength(128).historySize(5).build();
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
        String pw = Normalizer.normalize(password, Normalizer.Form.NFKC);
        List<PasswordFailure> failures = new ArrayList<>();

        boolean invalid = false;
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean special = false;
        int length = 0;
        for (int i = 0; i < pw.length();) {
            int cp = pw.codePointAt(i);
            i += Character.charCount(cp);
            length++;
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.UNASSIGNED) {
                invalid = true;
            } else if (cp >= '0' && cp <= '9') {
                digit = true;
            } else if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            }
            if (specialCharacters != null) {
                if (cp < 0x10000 && specialCharacters.indexOf(cp) >= 0) {
                    special = true;
                }
            } else if (!Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp) && !Character.isISOControl(cp)
                    && Character.getType(cp) != Character.SURROGATE) {
                special = true;
            }
        }
        int min = context.secondFactor() ? minLength : minLengthSingleFactor;
        if (invalid) {
            failures.add(PasswordFailure.of(PasswordRule.INVALID_CHARACTER,
                    "Mật khẩu chứa ký tự không hợp lệ.", "The password contains an invalid character."));
        }
        if (length < min) {
            if (min > minLength) {
                failures.add(PasswordFailure.of(PasswordRule.TOO_SHORT,
                        "Mật khẩu phải có ít nhất " + min + " ký tự (hoặc " + minLength
                                + " ký tự khi dùng thêm yếu tố xác thực thứ hai).",
                        "The password must have at least " + min + " characters (or " + minLength
                                + " with a second factor)."));
            } else {
                failures.add(PasswordFailure.of(PasswordRule.TOO_SHORT,
                        "Mật khẩu phải có ít nhất " + min + " ký tự.",
                        "The password must have at least " + min + " characters."));
            }
        }
        if (length > maxLength) {
            failures.add(PasswordFailure.of(PasswordRule.TOO_LONG,
                    "Mật khẩu không được dài quá " + maxLength + " ký tự.",
                    "The password must not be longer than " + maxLength + " characters."));
        }
        if (requireUppercase && !upper) {
            failures.add(PasswordFailure.of(PasswordRule.MISSING_UPPERCASE,
                    "Mật khẩu phải có ít nhất một chữ in hoa.",
                    "The password must contain at least one uppercase letter."));
        }
        if (requireLowercase && !lower) {
            failures.add(PasswordFailure.of(PasswordRule.MISSING_LOWERCASE,
                    "Mật khẩu phải có ít nhất một chữ thường.",
                    "The password must contain at least one lowercase letter."));
        }
        if (requireDigit && !digit) {
            failures.add(PasswordFailure.of(PasswordRule.MISSING_DIGIT,
                    "Mật khẩu phải có ít nhất một chữ số.", "The password must contain at least one digit."));
        }
        if (requireSpecial && !special) {
            if (specialCharacters != null) {
                failures.add(PasswordFailure.of(PasswordRule.MISSING_SPECIAL,
                        "Mật khẩu phải có ít nhất một ký tự đặc biệt trong số " + specialCharacters + ".",
                        "The password must contain at least one special character from " + specialCharacters
                                + "."));
            } else {
                failures.add(PasswordFailure.of(PasswordRule.MISSING_SPECIAL,
                        "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !).",
                        "The password must contain at least one special character (such as @, #, !)."));
            }
        }
        personalData(pw, context, failures);
        if (blocklist.contains(pw)) {
            failures.add(PasswordFailure.of(PasswordRule.COMMON_PASSWORD,
                    "Mật khẩu này quá phổ biến và dễ bị đoán; hãy chọn mật khẩu khác.",
                    "This password is too common and easy to guess; choose another one."));
        }
        if (breachCheck != null) {
            BreachCheckResult r;
            try {
                r = breachCheck.check(pw);
            } catch (RuntimeException e) {
                r = new BreachCheckResult.Unavailable("check failed: " + e.getClass().getSimpleName());
            }
            if (r instanceof BreachCheckResult.Found) {
                failures.add(PasswordFailure.of(PasswordRule.BREACHED,
                        "Mật khẩu này đã xuất hiện trong các vụ lộ lọt dữ liệu; hãy chọn mật khẩu khác.",
                        "This password has appeared in a data breach; choose another one."));
            } else if (r instanceof BreachCheckResult.Unavailable) {
                failures.add(PasswordFailure.of(PasswordRule.CHECK_UNAVAILABLE,
                        "Chưa kiểm tra được mật khẩu với danh sách mật khẩu bị lộ; vui lòng thử lại sau.",
                        "The password could not be checked against breached passwords; please try again later."));
            }
        }
        List<String> history = context.previousHashes();
        for (int i = 0; i < Math.min(historySize, history.size()); i++) {
            if (hasher.verify(pw, history.get(i)).matches()) {
                failures.add(PasswordFailure.of(PasswordRule.REUSED,
                        "Không được dùng lại " + historySize + " mật khẩu gần nhất.",
                        "You cannot reuse any of your last " + historySize + " passwords."));
                break;
            }
        }
        return failures.isEmpty() ? new PasswordCheckResult.Accepted() : new PasswordCheckResult.Rejected(failures);
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

    /** @return true when a breached-password check is configured */
    public boolean checksBreaches() {
        return breachCheck != null;
    }

    private static void personalData(String pw, PasswordContext ctx, List<PasswordFailure> failures) {
        String digits = digitsOf(pw);
        if (ctx.personalNumber().isPresent()) {
            String pn = digitsOf(ctx.personalNumber().get());
            if (pn.length() >= 6 && digits.contains(pn)) {
                failures.add(PasswordFailure.of(PasswordRule.CONTAINS_PERSONAL_NUMBER,
                        "Mật khẩu không được chứa số định danh cá nhân.",
                        "The password must not contain your personal identification number."));
            }
        }
        if (ctx.phoneNumber().isPresent()) {
            String given = ctx.phoneNumber().get();
            String national = PhoneNumbers.normalize(given).map(e -> e.substring(3)).orElse(digitsOf(given));
            if (national.length() >= 7 && digits.contains(national)) {
                failures.add(PasswordFailure.of(PasswordRule.CONTAINS_PHONE_NUMBER,
                        "Mật khẩu không được chứa số điện thoại.",
                        "The password must not contain your phone number."));
            }
        }
        if (ctx.birthDate().isPresent()) {
            for (String form : birthDateForms(ctx.birthDate().get())) {
                if (digits.contains(form)) {
                    failures.add(PasswordFailure.of(PasswordRule.CONTAINS_BIRTH_DATE,
                            "Mật khẩu không được chứa ngày sinh.",
                            "The password must not contain your date of birth."));
                    break;
                }
            }
        }
        String lower = pw.toLowerCase(Locale.ROOT);
        for (String w : ctx.contextWords()) {
            String word = PasswordBlocklist.normalize(w.strip());
            if (word.codePointCount(0, word.length()) >= 4 && lower.contains(word)) {
                failures.add(PasswordFailure.of(PasswordRule.CONTAINS_CONTEXT_WORD,
                        "Mật khẩu không được chứa tên đăng nhập, thư điện tử hoặc tên dịch vụ.",
                        "The password must not contain your user name, e-mail name or the service name."));
                break;
            }
        }
    }

    /** The digit strings of a birth date in common formats (separators are ignored by comparing digits only). */
    static Set<String> birthDateForms(LocalDate d) {
        String yyyy = String.format(Locale.ROOT, "%04d", d.getYear());
        String yy = yyyy.substring(2);
        String mm = String.format(Locale.ROOT, "%02d", d.getMonthValue());
        String dd = String.format(Locale.ROOT, "%02d", d.getDayOfMonth());
        String m = Integer.toString(d.getMonthValue());
        String dy = Integer.toString(d.getDayOfMonth());
        Set<String> forms = new LinkedHashSet<>();
        forms.add(yyyy + mm + dd);
        forms.add(dd + mm + yyyy);
        forms.add(mm + dd + yyyy);
        forms.add(dd + mm + yy);
        forms.add(yy + mm + dd);
        forms.add(dy + m + yyyy);
        forms.add(yyyy + m + dy);
        return forms;
    }

    private static String digitsOf(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "PasswordPolicy[" + name + ", length " + minLength
                + (minLengthSingleFactor != minLength ? "/" + minLengthSingleFactor : "") + ".." + maxLength
                + (requireUppercase ? ", upper" : "") + (requireLowercase ? ", lower" : "")
                + (requireDigit ? ", digit" : "")
                + (requireSpecial ? ", special" + (specialCharacters == null ? "" : " " + specialCharacters) : "")
                + (maxAge == null ? "" : ", maxAge " + maxAge) + ", history " + historySize
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
