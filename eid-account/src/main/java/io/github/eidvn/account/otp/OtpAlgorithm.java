package io.github.eidvn.account.otp;

/** The HMAC of HOTP/TOTP. */
public enum OtpAlgorithm {
    /** HMAC-SHA-1 (RFC 4226; what most authenticator apps support). */
    SHA1("HmacSHA1"),
    /** HMAC-SHA-256 (RFC 6238). */
    SHA256("HmacSHA256"),
    /** HMAC-SHA-512 (RFC 6238). */
    SHA512("HmacSHA512");

    private final String jca;

    OtpAlgorithm(String jca) {
        this.jca = jca;
    }

    /** @return the JCA MAC name */
    public String jcaName() {
        return jca;
    }

    /** @return the {@code algorithm} parameter of an {@code otpauth://} URI */
    public String uriName() {
        return name();
    }
}
