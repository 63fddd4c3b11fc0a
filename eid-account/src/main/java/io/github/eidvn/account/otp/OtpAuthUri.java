package io.github.eidvn.account.otp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An {@code otpauth://} key URI (the Google Authenticator "Key Uri Format") for provisioning an authenticator app:
 * {@code otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}. The eid-qr
 * module renders it as a QR image.
 *
 * <p><b>Security.</b> The URI contains the secret: {@link #toString()} redacts it; only {@link #value()} returns it.
 * Show it once, over a protected channel.
 */
public final class OtpAuthUri {

    private final String value;
    private final String label;

    private OtpAuthUri(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /**
     * A TOTP key URI.
     *
     * @param secret the secret
     * @param totp the parameters
     * @param issuer the issuer (service name), non-empty, no ':'
     * @param account the account name shown in the app, non-empty, no ':'
     * @return the URI
     */
    public static OtpAuthUri totp(OtpSecret secret, Totp totp, String issuer, String account) {
        Objects.requireNonNull(totp, "totp");
        String label = label(issuer, account);
        String v = "otpauth://totp/" + label + "?secret=" + secret.toBase32() + "&issuer=" + encode(issuer)
                + "&algorithm=" + totp.algorithm().uriName() + "&digits=" + totp.digits() + "&period="
                + totp.step().getSeconds();
        return new OtpAuthUri(v, label);
    }

    /**
     * A HOTP key URI.
     *
     * @param secret the secret
     * @param hotp the parameters
     * @param counter the initial counter
     * @param issuer the issuer, non-empty, no ':'
     * @param account the account name, non-empty, no ':'
     * @return the URI
     */
    public static OtpAuthUri hotp(OtpSecret secret, Hotp hotp, long counter, String issuer, String account) {
        Objects.requireNonNull(hotp, "hotp");
        if (counter < 0) {
            throw new IllegalArgumentException("counter must not be negative");
        }
        String label = label(issuer, account);
        String v = "otpauth://hotp/" + label + "?secret=" + secret.toBase32() + "&issuer=" + encode(issuer)
                + "&algorithm=" + hotp.algorithm().uriName() + "&digits=" + hotp.digits() + "&counter=" + counter;
        return new OtpAuthUri(v, label);
    }

    /** @return the full URI, with the secret */
    public String value() {
        return value;
    }

    private static String label(String issuer, String account) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(account, "account");
        if (issuer.isBlank() || account.isBlank() || issuer.indexOf(':') >= 0 || account.indexOf(':') >= 0) {
            throw new IllegalArgumentException("issuer and account must be non-empty and contain no ':'");
        }
        return encode(issuer) + ":" + encode(account);
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (space becomes %20). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "OtpAuthUri[" + label + ", secret redacted]";
    }
}
