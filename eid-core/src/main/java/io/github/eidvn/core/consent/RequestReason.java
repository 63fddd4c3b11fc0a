package io.github.eidvn.core.consent;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/**
 * Why a consent request was refused before anything was shown to the citizen, with messages in Vietnamese and
 * English.
 */
public enum RequestReason implements HasBilingualText {
    /** Not a well-formed signed request (structure, JSON, claims). */
    MALFORMED("Yêu cầu chia sẻ dữ liệu không đúng định dạng.", "The data-sharing request is not in a valid format."),
    /** Text or payload too large. */
    TOO_LARGE("Yêu cầu chia sẻ dữ liệu quá lớn.", "The data-sharing request is too large."),
    /** The requesting party is not registered. */
    UNKNOWN_PARTY("Đơn vị yêu cầu chưa được đăng ký: không chia sẻ dữ liệu.",
            "The requesting organisation is not registered: no data will be shared."),
    /** No registered signing key of that party has the request's key id. */
    UNKNOWN_KEY("Yêu cầu không được ký bằng khóa đã đăng ký của đơn vị.",
            "The request was not signed with a key the organisation registered."),
    /** The header algorithm is not ES256. */
    DISALLOWED_ALGORITHM("Thuật toán ký của yêu cầu không được chấp nhận.",
            "The request's signature algorithm is not allowed."),
    /** The signature does not verify. */
    BAD_SIGNATURE("Chữ ký của yêu cầu không hợp lệ: yêu cầu có thể đã bị sửa đổi.",
            "The request's signature is invalid: it may have been altered."),
    /** A critical header extension ({@code crit}) is not supported. */
    UNSUPPORTED_CRITICAL_HEADER("Yêu cầu dùng phần mở rộng không được hỗ trợ.",
            "The request uses an unsupported extension."),
    /** The ES256 signature is the high-S twin of a valid one (eid's signers emit low S only): an altered text. */
    NON_CANONICAL_SIGNATURE("Chữ ký của yêu cầu không ở dạng chuẩn: yêu cầu đã bị sửa đổi sau khi ký.",
            "The request's signature is not in canonical form: it was altered after signing."),
    /** Not a consent request ({@code typ}). */
    WRONG_TYPE("Đây không phải yêu cầu chia sẻ dữ liệu.", "This is not a data-sharing request."),
    /** Past its expiry. */
    EXPIRED("Yêu cầu đã hết hạn. Vui lòng yêu cầu đơn vị tạo mã mới.",
            "The request has expired. Please ask the organisation for a new code."),
    /** Issued in the future. */
    NOT_YET_VALID("Yêu cầu chưa có hiệu lực.", "The request is not valid yet."),
    /** Valid for longer than the maximum lifetime (10 minutes, or less as configured). */
    LIFETIME_TOO_LONG("Yêu cầu có thời hạn quá dài (tối đa 10 phút).",
            "The request is valid for too long (at most 10 minutes)."),
    /** Addressed to another e-ID issuer. */
    WRONG_AUDIENCE("Yêu cầu không gửi tới ứng dụng này.", "The request is not addressed to this application."),
    /** The purpose is not in the catalogue. */
    UNKNOWN_PURPOSE("Mục đích sử dụng dữ liệu không thuộc danh mục.",
            "The purpose is not in the catalogue of purposes."),
    /** The party did not register this purpose. */
    PURPOSE_NOT_REGISTERED("Đơn vị chưa đăng ký mục đích này.",
            "The organisation has not registered this purpose."),
    /** A requested field is outside what the party registered for the purpose. */
    FIELDS_NOT_ALLOWED("Yêu cầu đòi thông tin vượt quá phạm vi đã đăng ký cho mục đích này.",
            "The request asks for data beyond what was registered for this purpose."),
    /** The check could not be completed (registry unavailable, internal error). */
    CHECK_UNAVAILABLE("Chưa thể kiểm tra yêu cầu. Vui lòng thử lại.",
            "The request could not be checked. Please try again.");

    private final Bilingual text;

    RequestReason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    @Override
    public Bilingual text() {
        return text;
    }
}
