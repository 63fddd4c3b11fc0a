package io.github.eidvn.verifier.sharing;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/**
 * Why a sealed delivery was refused, with messages in Vietnamese and English for the party's staff.
 */
public enum OpenReason implements HasBilingualText {
    /** Not a well-formed compact JWE, inner JWS or claim set. */
    MALFORMED("Gói dữ liệu không đúng định dạng.", "The data package is not in a valid format."),
    /** Longer than the limit, checked before parsing. */
    TOO_LARGE("Gói dữ liệu quá lớn.", "The data package is too large."),
    /** The JWE {@code alg}/{@code enc} is not the one pinned to this party's key, or the inner JWS is not ES256. */
    DISALLOWED_ALGORITHM("Thuật toán mã hóa hoặc ký không được chấp nhận.",
            "The encryption or signature algorithm is not allowed."),
    /** The JWE asks for compression ({@code zip}), which is refused. */
    COMPRESSION_REFUSED("Gói dữ liệu nén không được chấp nhận.", "Compressed data packages are not accepted."),
    /** A critical header extension ({@code crit}) is not supported. */
    UNSUPPORTED_CRITICAL_HEADER("Gói dữ liệu dùng phần mở rộng không được hỗ trợ.",
            "The data package uses an unsupported extension."),
    /** Encrypted to another key ({@code kid} is not this party's key). */
    WRONG_RECIPIENT("Gói dữ liệu được mã hóa cho đơn vị khác.", "The data package was encrypted for someone else."),
    /** Decryption or its integrity check failed (altered ciphertext, wrong key). */
    DECRYPTION_FAILED("Không giải mã được gói dữ liệu: dữ liệu có thể đã bị sửa đổi.",
            "The data package could not be decrypted: it may have been altered."),
    /** Not a delivery ({@code cty} or inner {@code typ}). */
    WRONG_TYPE("Đây không phải gói dữ liệu chia sẻ.", "This is not a data-sharing package."),
    /** No trusted issuer key has the inner JWS's key id. */
    UNKNOWN_KEY("Gói dữ liệu không do cơ quan tin cậy ký.", "The data package was not signed by a trusted issuer."),
    /** The issuer's signature does not verify. */
    BAD_SIGNATURE("Chữ ký số của cơ quan cấp không hợp lệ.", "The issuer's digital signature is invalid."),
    /** {@code iss} is not an expected issuer, or the signing key is not a key of that issuer. */
    WRONG_ISSUER("Gói dữ liệu không do cơ quan được chờ đợi cấp.", "The data package is not from the expected issuer."),
    /** The issuer's ES256 signature is the high-S twin of a valid one (eid signs in low-S form only). */
    NON_CANONICAL_SIGNATURE("Chữ ký số của cơ quan cấp không ở dạng chuẩn: gói dữ liệu đã bị sửa đổi.",
            "The issuer's digital signature is not in canonical form: the package was altered."),
    /** {@code exp - iat} is longer than the maximum lifetime (by default 1 hour). */
    LIFETIME_TOO_LONG("Gói dữ liệu có thời hạn dài hơn mức tối đa cho phép.",
            "The data package is valid for longer than the maximum allowed."),
    /** The package claims level 2 without a level-2 method ({@code face} or {@code fpt} in {@code amr}). */
    LEVEL_WITHOUT_METHOD("Gói dữ liệu ghi mức độ 2 nhưng không có phương thức xác thực mức độ 2 (khuôn mặt hoặc vân tay).",
            "The data package claims level 2 without a level-2 method (face or fingerprint)."),
    /** Past its expiry. */
    EXPIRED("Gói dữ liệu đã hết hạn.", "The data package has expired."),
    /** Issued in the future. */
    NOT_YET_VALID("Gói dữ liệu chưa có hiệu lực.", "The data package is not valid yet."),
    /** Addressed to another party. */
    WRONG_AUDIENCE("Gói dữ liệu không dành cho đơn vị này.", "The data package is not for this organisation."),
    /** The nonce does not match the request's (or one is present when none was expected). */
    WRONG_NONCE("Gói dữ liệu không khớp với yêu cầu đã gửi.", "The data package does not match the request sent."),
    /** The consent receipt was withdrawn by the citizen. */
    RECEIPT_WITHDRAWN("Công dân đã rút lại sự đồng ý: không được sử dụng dữ liệu.",
            "The citizen has withdrawn consent: the data must not be used."),
    /** The consent receipt has ended. */
    RECEIPT_EXPIRED("Sự đồng ý của công dân đã hết hạn.", "The citizen's consent has expired."),
    /** No such consent receipt for this party. */
    RECEIPT_UNKNOWN("Không tìm thấy biên nhận đồng ý tương ứng.", "No matching consent receipt was found."),
    /** The package holds fields the receipt does not grant. */
    FIELDS_NOT_GRANTED("Gói dữ liệu chứa thông tin công dân không đồng ý chia sẻ.",
            "The data package holds data the citizen did not agree to share."),
    /** Issued for another purpose than the receipt's or the expected one. */
    WRONG_PURPOSE("Gói dữ liệu được cấp cho mục đích khác.", "The data package was issued for another purpose."),
    /** The delivery id was already opened. */
    REPLAYED("Gói dữ liệu này đã được sử dụng.", "This data package has already been used."),
    /** The assurance level is below the required one (or not stated). */
    INSUFFICIENT_LEVEL("Mức độ định danh điện tử chưa đủ cho dịch vụ này.",
            "The e-ID assurance level is too low for this service."),
    /** A check could not be completed (ledger or replay store unavailable, internal error). */
    CHECK_UNAVAILABLE("Chưa thể hoàn tất việc kiểm tra. Vui lòng thử lại.",
            "The check could not be completed. Please try again.");

    private final Bilingual text;

    OpenReason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    @Override
    public Bilingual text() {
        return text;
    }
}
