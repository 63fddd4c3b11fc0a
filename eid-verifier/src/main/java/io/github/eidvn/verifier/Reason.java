package io.github.eidvn.verifier;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/**
 * Why a token was rejected, with messages for citizens and receptionists in Vietnamese and English.
 *
 * <p>The {@link Rejected#detail()} string adds a technical detail for logs; these messages are what a user sees.
 */
public enum Reason implements HasBilingualText {
    /** Not a well-formed compact JWS, or claims not in the assertion format. */
    MALFORMED("Mã không đúng định dạng.", "The code is not in a valid format."),
    /** Text longer than 8,000 characters, or a payload inflating past 64 KiB. */
    TOO_LARGE("Dữ liệu của mã quá lớn.", "The code's data is too large."),
    /** No trusted key has the token's key id. */
    UNKNOWN_KEY("Mã không do cơ quan tin cậy ký (không nhận ra khóa ký).",
            "The code was not signed by a trusted issuer (unknown signing key)."),
    /** The signature does not verify with any trusted key named by the key id. */
    BAD_SIGNATURE("Chữ ký số không hợp lệ: mã có thể đã bị sửa đổi.",
            "The digital signature is invalid: the code may have been altered."),
    /** The header algorithm is not the one pinned to the key ({@code none}, HMAC, ...). */
    DISALLOWED_ALGORITHM("Thuật toán ký không được chấp nhận.", "The signature algorithm is not allowed."),
    /** The header lists a critical extension ({@code crit}) this verifier does not implement. */
    UNSUPPORTED_CRITICAL_HEADER("Mã dùng phần mở rộng bắt buộc không được hỗ trợ.",
            "The code uses a critical extension that is not supported."),
    /** Not an eid assertion ({@code typ}), or the form does not match the type. */
    WRONG_TYPE("Đây không phải mã định danh điện tử.", "This is not an e-ID assertion."),
    /** Past its expiry (or its maximum age). */
    EXPIRED("Mã đã hết hạn. Vui lòng tạo mã mới trên ứng dụng VNeID.",
            "The code has expired. Please generate a new one in the VNeID app."),
    /** Not valid yet ({@code nbf} or {@code iat} in the future). */
    NOT_YET_VALID("Mã chưa đến thời điểm có hiệu lực.", "The code is not valid yet."),
    /** Issued for another recipient, or for a recipient when none was expected. */
    WRONG_AUDIENCE("Mã không được cấp cho đơn vị này.", "The code was not issued for this recipient."),
    /** Issued for another purpose, or with a purpose when none was expected. */
    WRONG_PURPOSE("Mã không được cấp cho mục đích này.", "The code was not issued for this purpose."),
    /** The assertion id was already presented. */
    REPLAYED("Mã này đã được sử dụng.", "This code has already been used."),
    /** The revocation check says revoked. */
    REVOKED("Mã đã bị thu hồi.", "The code has been revoked."),
    /** The assurance level is below the required one. */
    INSUFFICIENT_LEVEL("Mức độ định danh điện tử chưa đủ cho dịch vụ này.",
            "The e-ID assurance level is too low for this service."),
    /**
     * The legacy chip-card QR carries no signature; its data is unverified
     * ({@link AssertionVerifier#verifyScanned(String)}).
     */
    UNSIGNED_LEGACY("Mã QR trên thẻ căn cước không có chữ ký số: thông tin chưa được xác thực, cần đối chiếu thẻ.",
            "The ID-card QR has no digital signature: the data is unverified; check the card itself."),
    /**
     * The ES256 signature is the high-S twin (s &gt; n/2) of a valid one: eid's issuers sign in low-S form only, so
     * this text was altered after signing (the same assertion under a second text).
     */
    NON_CANONICAL_SIGNATURE("Chữ ký số không ở dạng chuẩn: mã đã bị sửa đổi sau khi ký.",
            "The digital signature is not in canonical form: the code was altered after signing."),
    /** {@code exp - iat} is longer than the maximum lifetime (by default 24 hours). */
    LIFETIME_TOO_LONG("Mã có thời hạn dài hơn mức tối đa cho phép.",
            "The code is valid for longer than the maximum allowed."),
    /** The key that signed is not a key of the issuer the token names in {@code iss}. */
    WRONG_ISSUER("Mã không được ký bằng khóa của cơ quan cấp ghi trên mã.",
            "The code is not signed with a key of the issuer it names."),
    /**
     * The token claims level 2 but names no level-2 method (face or fingerprint in {@code amr}, or biometric
     * verification in the evidence).
     */
    LEVEL_WITHOUT_METHOD("Mã ghi mức độ 2 nhưng không có phương thức xác thực mức độ 2 (khuôn mặt hoặc vân tay).",
            "The code claims level 2 without a level-2 method (face or fingerprint)."),
    /** A check could not be completed (replay store full or failing, revocation status unknown, internal error). */
    CHECK_UNAVAILABLE("Chưa thể hoàn tất việc kiểm tra. Vui lòng thử lại.",
            "The check could not be completed. Please try again.");

    private final Bilingual text;

    Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    @Override
    public Bilingual text() {
        return text;
    }
}
