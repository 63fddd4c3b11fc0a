package io.github.eidvn.account.password;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import io.github.eidvn.account.PhoneNumbers;

/**
 * One rule of a {@link PasswordPolicy}: it reads the candidate and reports its failures, with its own Vietnamese and
 * English messages (never containing the password). The policy runs its checkers in order and collects every
 * failure.
 */
sealed interface PasswordChecker {

    /**
     * @param pw the candidate
     * @param ctx what is known about the account
     * @param fail receives each failure
     */
    void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail);

    /** Refused characters: controls, invisible and format characters ({@link PasswordText#refused}). */
    record Characters() implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            if (pw.invalid()) {
                fail.accept(PasswordFailure.of(PasswordRule.INVALID_CHARACTER,
                        "Mật khẩu chứa ký tự không hợp lệ (ký tự điều khiển hoặc ký tự vô hình).",
                        "The password contains an invalid character (a control or invisible character)."));
            }
        }
    }

    /**
     * Length in visible characters; the minimum depends on a second factor.
     *
     * @param min with a second factor
     * @param minSingleFactor when the password is the only factor
     * @param max the maximum (every code point counts)
     */
    record Length(int min, int minSingleFactor, int max) implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            int need = ctx.secondFactor() ? min : minSingleFactor;
            if (pw.length() < need && need > min) {
                fail.accept(PasswordFailure.of(PasswordRule.TOO_SHORT,
                        "Mật khẩu phải có ít nhất " + need + " ký tự (hoặc " + min
                                + " ký tự khi dùng thêm yếu tố xác thực thứ hai).",
                        "The password must have at least " + need + " characters (or " + min
                                + " with a second factor)."));
            } else if (pw.length() < need) {
                fail.accept(PasswordFailure.of(PasswordRule.TOO_SHORT,
                        "Mật khẩu phải có ít nhất " + need + " ký tự.",
                        "The password must have at least " + need + " characters."));
            }
            if (pw.codePoints() > max) {
                fail.accept(PasswordFailure.of(PasswordRule.TOO_LONG,
                        "Mật khẩu không được dài quá " + max + " ký tự.",
                        "The password must not be longer than " + max + " characters."));
            }
        }
    }

    /**
     * Composition: the character classes a preset requires.
     *
     * @param upper an uppercase letter
     * @param lower a lowercase letter
     * @param digit an ASCII digit (after NFKC)
     * @param special a special character
     * @param specials the allowed special characters, or null for any character that is not a letter, digit or space
     */
    record Composition(boolean upper, boolean lower, boolean digit, boolean special, String specials)
            implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            boolean hasUpper = false;
            boolean hasLower = false;
            boolean hasDigit = false;
            boolean hasSpecial = false;
            String s = pw.normalized();
            for (int i = 0; i < s.length();) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (PasswordText.refused(cp)) {
                    continue;
                }
                hasDigit |= cp >= '0' && cp <= '9';
                hasUpper |= Character.isUpperCase(cp);
                hasLower |= Character.isLowerCase(cp);
                hasSpecial |= specials != null ? cp < 0x10000 && specials.indexOf(cp) >= 0
                        : !Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp)
                                && Character.getType(cp) != Character.NON_SPACING_MARK;
            }
            if (upper && !hasUpper) {
                fail.accept(PasswordFailure.of(PasswordRule.MISSING_UPPERCASE,
                        "Mật khẩu phải có ít nhất một chữ in hoa.",
                        "The password must contain at least one uppercase letter."));
            }
            if (lower && !hasLower) {
                fail.accept(PasswordFailure.of(PasswordRule.MISSING_LOWERCASE,
                        "Mật khẩu phải có ít nhất một chữ thường.",
                        "The password must contain at least one lowercase letter."));
            }
            if (digit && !hasDigit) {
                fail.accept(PasswordFailure.of(PasswordRule.MISSING_DIGIT,
                        "Mật khẩu phải có ít nhất một chữ số.", "The password must contain at least one digit."));
            }
            if (special && !hasSpecial && specials != null) {
                fail.accept(PasswordFailure.of(PasswordRule.MISSING_SPECIAL,
                        "Mật khẩu phải có ít nhất một ký tự đặc biệt trong số " + specials + ".",
                        "The password must contain at least one special character from " + specials + "."));
            } else if (special && !hasSpecial) {
                fail.accept(PasswordFailure.of(PasswordRule.MISSING_SPECIAL,
                        "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !).",
                        "The password must contain at least one special character (such as @, #, !)."));
            }
        }
    }

    /** Personal data: the personal number, phone number and birth date (digits compared) and context words. */
    record PersonalData() implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            String digits = digitsOf(pw.normalized());
            if (personalNumber(ctx).filter(digits::contains).isPresent()) {
                fail.accept(PasswordFailure.of(PasswordRule.CONTAINS_PERSONAL_NUMBER,
                        "Mật khẩu không được chứa số định danh cá nhân.",
                        "The password must not contain your personal identification number."));
            }
            if (phoneNumber(ctx).filter(digits::contains).isPresent()) {
                fail.accept(PasswordFailure.of(PasswordRule.CONTAINS_PHONE_NUMBER,
                        "Mật khẩu không được chứa số điện thoại.",
                        "The password must not contain your phone number."));
            }
            if (birthDateForms(ctx).stream().anyMatch(digits::contains)) {
                fail.accept(PasswordFailure.of(PasswordRule.CONTAINS_BIRTH_DATE,
                        "Mật khẩu không được chứa ngày sinh.", "The password must not contain your date of birth."));
            }
            String compact = compact(pw.skeleton());
            if (contextWords(ctx).stream().anyMatch(compact::contains)) {
                fail.accept(PasswordFailure.of(PasswordRule.CONTAINS_CONTEXT_WORD,
                        "Mật khẩu không được chứa tên đăng nhập, thư điện tử hoặc tên dịch vụ.",
                        "The password must not contain your user name, e-mail name or the service name."));
            }
        }

        /** @return every account word in the form the rules compare (for the strength estimate's user inputs) */
        static List<String> words(PasswordContext ctx) {
            List<String> out = new ArrayList<>();
            personalNumber(ctx).ifPresent(out::add);
            phoneNumber(ctx).ifPresent(out::add);
            out.addAll(birthDateForms(ctx));
            out.addAll(contextWords(ctx));
            return out;
        }

        private static java.util.Optional<String> personalNumber(PasswordContext ctx) {
            return ctx.personalNumber().map(PersonalData::digitsOf).filter(pn -> pn.length() >= 6);
        }

        private static java.util.Optional<String> phoneNumber(PasswordContext ctx) {
            return ctx.phoneNumber()
                    .map(given -> PhoneNumbers.normalize(given).map(e -> e.substring(3)).orElse(digitsOf(given)))
                    .filter(national -> national.length() >= 7);
        }

        private static Set<String> birthDateForms(PasswordContext ctx) {
            return ctx.birthDate().map(PersonalData::birthDateForms).orElse(Set.of());
        }

        private static List<String> contextWords(PasswordContext ctx) {
            List<String> out = new ArrayList<>();
            for (String w : ctx.contextWords()) {
                String word = compact(PasswordText.skeleton(w));
                if (word.codePointCount(0, word.length()) >= 4) {
                    out.add(word);
                }
            }
            return out;
        }

        /** The digit strings of a birth date in common formats (separators are ignored by comparing digits). */
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
            s.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> sb.append((char) c));
            return sb.toString();
        }

        /** Letters and digits only, so spaces and separators do not split a word. */
        private static String compact(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
            return sb.toString();
        }
    }

    /**
     * The blocklist of common passwords (compared by {@linkplain PasswordText#skeleton() skeleton}).
     *
     * @param blocklist the list
     */
    record Blocklisted(PasswordBlocklist blocklist) implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            if (blocklist.contains(pw.normalized())) {
                fail.accept(PasswordFailure.of(PasswordRule.COMMON_PASSWORD,
                        "Mật khẩu này quá phổ biến và dễ bị đoán; hãy chọn mật khẩu khác.",
                        "This password is too common and easy to guess; choose another one."));
            }
        }
    }

    /**
     * The strength estimate ({@link PasswordStrength}): at least 10^n guesses.
     *
     * @param minLog10 with a second factor
     * @param minLog10SingleFactor when the password is the only factor
     */
    record Guessable(int minLog10, int minLog10SingleFactor) implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            int need = ctx.secondFactor() ? minLog10 : minLog10SingleFactor;
            if (need == 0 || pw.invalid()) {
                return;
            }
            PasswordStrength.Estimate e = PasswordStrength.estimate(pw, PersonalData.words(ctx));
            if (e.guessesLog10() < need) {
                String[] why = switch (e.weakness()) {
                    case REPEAT -> new String[] {"ký tự hoặc cụm ký tự lặp lại", "repeated characters or blocks"};
                    case SEQUENCE -> new String[] {"dãy liên tiếp như 12345", "a run such as 12345"};
                    case KEYBOARD -> new String[] {"các phím liền nhau như qwerty", "neighbouring keys such as qwerty"};
                    case WORD -> new String[] {"từ, tên hoặc mật khẩu thông dụng", "common words, names or passwords"};
                    case DATE -> new String[] {"ngày tháng hoặc năm", "dates or years"};
                    case SHORT -> new String[] {"quá ít ký tự ngẫu nhiên", "too few random characters"};
                };
                fail.accept(PasswordFailure.of(PasswordRule.TOO_GUESSABLE,
                        "Mật khẩu quá dễ đoán (" + why[0] + "); hãy dùng một cụm từ dài hơn, khó đoán hơn.",
                        "The password is too easy to guess (" + why[1] + "); use a longer, less predictable phrase."));
            }
        }
    }

    /**
     * The breached-password service; fails closed when it cannot answer.
     *
     * @param service the check
     */
    record Breached(BreachedPasswordCheck service) implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            BreachCheckResult r;
            try {
                r = service.check(pw.normalized());
            } catch (RuntimeException e) {
                r = new BreachCheckResult.Unavailable("check failed: " + e.getClass().getSimpleName());
            }
            if (r instanceof BreachCheckResult.Found) {
                fail.accept(PasswordFailure.of(PasswordRule.BREACHED,
                        "Mật khẩu này đã xuất hiện trong các vụ lộ lọt dữ liệu; hãy chọn mật khẩu khác.",
                        "This password has appeared in a data breach; choose another one."));
            } else if (r instanceof BreachCheckResult.Unavailable) {
                fail.accept(PasswordFailure.of(PasswordRule.CHECK_UNAVAILABLE,
                        "Chưa kiểm tra được mật khẩu với danh sách mật khẩu bị lộ; vui lòng thử lại sau.",
                        "The password could not be checked against breached passwords; please try again later."));
            }
        }
    }

    /**
     * The last passwords of the account, verified against their stored hashes.
     *
     * @param hasher verifies the hashes (its bounds apply)
     * @param size how many previous passwords are checked
     */
    record History(PasswordHasher hasher, int size) implements PasswordChecker {
        @Override
        public void check(PasswordText pw, PasswordContext ctx, Consumer<PasswordFailure> fail) {
            List<String> history = ctx.previousHashes();
            for (int i = 0; i < Math.min(size, history.size()); i++) {
                if (hasher.verify(pw.normalized(), history.get(i)).matches()) {
                    fail.accept(PasswordFailure.of(PasswordRule.REUSED,
                            "Không được dùng lại " + size + " mật khẩu gần nhất.",
                            "You cannot reuse any of your last " + size + " passwords."));
                    return;
                }
            }
        }
    }
}
