package io.github.eidvn.qr;

import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.internal.Base64Url;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies and parses the text of a scanned QR code (from a keyboard-wedge scanner, a camera, or
 * {@link QrImageDecoder}):
 * <ol>
 *   <li>the eID digits-only signed container ({@link SignedQrText}) → {@link QrContent.SignedJws};</li>
 *   <li>a plain compact JWS (three base64url parts, the header a JSON object) → {@link QrContent.SignedJws};</li>
 *   <li>a SMART Health Card numeric QR {@code shc:/...}, single chunk only → {@link QrContent.SignedJws};</li>
 *   <li>the unsigned legacy chip-card QR {@code id|cmnd|name|ddMMyyyy|gender|address|ddMMyyyy} (cards from 2024
 *       may add fields after these seven: they are ignored; the sex may be {@code Nu}/{@code NU} from a scanner
 *       that drops diacritics) → {@link QrContent.UnverifiedChipCard} (never an assertion);</li>
 *   <li>anything else → {@link QrContent.Rejected} with {@link QrContent.Reason#UNRECOGNISED}.</li>
 * </ol>
 * One trailing line break (a scanner's Enter) is ignored; nothing else is trimmed from the whole text.
 *
 * <p><b>Security.</b> Input is treated as hostile: texts over {@value SignedQrText#MAX_TEXT_LENGTH} characters are
 * rejected first, and no input makes this class throw. A {@link QrContent.SignedJws} is not verified; only the
 * verifier decides whether its signature, issuer and claims are acceptable.
 */
public final class QrTextReader {

    /** Shortest possible signed digits text: flag, header {@code {}}, empty payload, 64-byte signature. */
    static final int MIN_SIGNED_DIGITS = SignedQrText.textLength(1 + SignedQrText.SIGNATURE_LENGTH);
    private static final String SHC_PREFIX = "shc:/";
    private static final int LEGACY_FIELDS = 7;
    private static final DateTimeFormatter LEGACY_DATE = DateTimeFormatter.ofPattern("ddMMuuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private QrTextReader() {
    }

    /**
     * Classifies and parses a scanned QR text.
     *
     * @param text the scanned text (untrusted)
     * @return the parsed content, or {@link QrContent.Rejected}
     * @throws NullPointerException when {@code text} is null
     */
    public static QrContent read(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > SignedQrText.MAX_TEXT_LENGTH) {
            return rejected(QrContent.Reason.TOO_LARGE, "text has " + text.length() + " characters, limit "
                    + SignedQrText.MAX_TEXT_LENGTH);
        }
        String s = SignedQrText.trimOneLineBreak(text);
        if (s.isEmpty()) {
            return rejected(QrContent.Reason.EMPTY, "empty text");
        }
        if (s.regionMatches(true, 0, SHC_PREFIX, 0, SHC_PREFIX.length())) {
            return readSmartHealthCard(s.substring(SHC_PREFIX.length()));
        }
        if (allDigits(s)) {
            if (s.startsWith(SignedQrText.MAGIC) && s.length() >= MIN_SIGNED_DIGITS) {
                SignedQrText.DecodeResult r = SignedQrText.decode(s);
                if (r instanceof SignedQrText.Decoded) {
                    return new QrContent.SignedJws(((SignedQrText.Decoded) r).compactJws(),
                            QrContent.Source.SIGNED_DIGITS);
                }
                SignedQrText.Rejected rej = (SignedQrText.Rejected) r;
                return rejected(QrContent.Reason.MALFORMED_SIGNED_QR, rej.reason() + ": " + rej.detail());
            }
            return rejected(QrContent.Reason.UNRECOGNISED, "digits only, but not a signed e-ID QR text");
        }
        if (s.indexOf('|') >= 0) {
            return readLegacyChipCard(s);
        }
        if (looksLikeCompactJws(s)) {
            String problem = jwsProblem(s);
            return problem == null ? new QrContent.SignedJws(s, QrContent.Source.COMPACT_JWS)
                    : rejected(QrContent.Reason.MALFORMED_JWS, problem);
        }
        return rejected(QrContent.Reason.UNRECOGNISED, "not a known QR text format");
    }

    private static QrContent readSmartHealthCard(String rest) {
        if (rest.indexOf('/') >= 0) {
            return rejected(QrContent.Reason.UNSUPPORTED,
                    "multi-chunk SMART Health Card QR (shc:/N/M/...) is not supported; use the single-QR form");
        }
        if (rest.isEmpty() || rest.length() % 2 != 0 || !allDigits(rest)) {
            return rejected(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD,
                    "shc:/ must be followed by a non-empty, even number of digits");
        }
        StringBuilder jws = new StringBuilder(rest.length() / 2);
        for (int i = 0; i < rest.length(); i += 2) {
            int v = (rest.charAt(i) - '0') * 10 + (rest.charAt(i + 1) - '0');
            if (v > 77) {
                return rejected(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD,
                        "digit pair " + v + " at offset " + i + " is over 77");
            }
            jws.append((char) (v + 45));
        }
        String s = jws.toString();
        String problem = looksLikeCompactJws(s) ? jwsProblem(s) : "decoded text is not a compact JWS";
        return problem == null ? new QrContent.SignedJws(s, QrContent.Source.SMART_HEALTH_CARD)
                : rejected(QrContent.Reason.MALFORMED_SMART_HEALTH_CARD, problem);
    }

    /** Three parts of base64url characters separated by exactly two dots. */
    private static boolean looksLikeCompactJws(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return dots == 2;
    }

    /** Null when {@code s} is a usable compact JWS, else what is wrong. */
    static String jwsProblem(String s) {
        int dot1 = s.indexOf('.');
        int dot2 = s.indexOf('.', dot1 + 1);
        String[] parts = {s.substring(0, dot1), s.substring(dot1 + 1, dot2), s.substring(dot2 + 1)};
        String[] names = {"header", "payload", "signature"};
        byte[] header = null;
        for (int i = 0; i < 3; i++) {
            byte[] bytes;
            try {
                bytes = Base64Url.decodeIgnoringUnusedBits(parts[i]);
            } catch (IllegalArgumentException e) {
                bytes = null;
            }
            if (bytes == null || bytes.length == 0) {
                return "JWS " + names[i] + " is empty or not base64url";
            }
            if (i == 0) {
                header = bytes;
            }
        }
        if (!JsonSyntax.isJsonObject(header)) {
            return "JWS header is not a JSON object";
        }
        return null;
    }

    private static QrContent readLegacyChipCard(String s) {
        String[] f = s.split("\\|", -1);
        // cards issued from 2024 may add fields after the seven known ones: those are read, the rest ignored
        if (f.length < LEGACY_FIELDS) {
            if (isDigits(f[0], 12)) {
                return rejected(QrContent.Reason.MALFORMED_CHIP_CARD,
                        "chip-card QR needs at least " + LEGACY_FIELDS + " fields, found " + f.length);
            }
            return rejected(QrContent.Reason.UNRECOGNISED, "text with '|' that is not a chip-card QR");
        }
        if (!isDigits(f[0], 12)) {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "personal number is not 12 digits");
        }
        Optional<String> oldId;
        if (f[1].isEmpty()) {
            oldId = Optional.empty();
        } else if (isDigits(f[1], 9) || isDigits(f[1], 12)) {
            oldId = Optional.of(f[1]);
        } else {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "old ID number (CMND) is not 9 or 12 digits");
        }
        String name = text(f[2]);
        if (name == null) {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "name is empty or holds control characters");
        }
        LocalDate birth = date(f[3]);
        if (birth == null) {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "birth date is not a valid ddMMyyyy date");
        }
        Sex sex = sex(f[4]);
        if (sex == null) {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "sex is neither Nam nor Nữ (nor Nu)");
        }
        String address = text(f[5]);
        if (address == null) {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "address is empty or holds control characters");
        }
        LocalDate issue = date(f[6]);
        if (issue == null) {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "issue date is not a valid ddMMyyyy date");
        }
        if (issue.isBefore(birth)) {
            return rejected(QrContent.Reason.MALFORMED_CHIP_CARD, "issue date is before the birth date");
        }
        return new QrContent.UnverifiedChipCard(
                new LegacyChipCardData(f[0], oldId, name, birth, sex, address, issue));
    }

    private static String text(String field) {
        String t = Normalizer.normalize(field, Normalizer.Form.NFC).strip();
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.isISOControl(t.charAt(i))) {
                return null;
            }
        }
        return t;
    }

    private static LocalDate date(String field) {
        if (!isDigits(field, 8)) {
            return null;
        }
        try {
            return LocalDate.parse(field, LEGACY_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Sex sex(String field) {
        String g = Normalizer.normalize(field, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        if (g.equals("nam")) {
            return Sex.MALE;
        }
        if (g.equals("n\u1eef") || g.equals("nu")) { // "nữ", or "Nu"/"NU" typed by a scanner that drops diacritics
            return Sex.FEMALE;
        }
        return null;
    }

    private static boolean isDigits(String s, int length) {
        return s.length() == length && allDigits(s);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static QrContent.Rejected rejected(QrContent.Reason reason, String detail) {
        return new QrContent.Rejected(reason, detail);
    }
}
