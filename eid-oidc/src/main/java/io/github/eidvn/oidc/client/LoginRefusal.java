package io.github.eidvn.oidc.client;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/**
 * Why a login did not complete, with messages for the citizen in Vietnamese and English.
 */
public enum LoginRefusal implements HasBilingualText {
    /** The provider could not be reached, or answered with something that is not OpenID Connect. */
    PROVIDER_UNAVAILABLE("Không kết nối được với hệ thống định danh điện tử. Vui lòng thử lại sau.",
            "The e-ID provider could not be reached. Please try again later."),
    /** The provider refused the pushed authorization request (configuration of this client). */
    REQUEST_REFUSED("Hệ thống định danh điện tử từ chối yêu cầu đăng nhập.",
            "The e-ID provider refused the login request."),
    /** The callback does not belong to this login (state differs): possible cross-site request forgery. */
    STATE_MISMATCH("Phản hồi đăng nhập không khớp với phiên hiện tại. Vui lòng đăng nhập lại.",
            "The login response does not match this session. Please log in again."),
    /** The callback or the ID token names another issuer. */
    WRONG_ISSUER("Phản hồi đến từ một hệ thống định danh khác.", "The response comes from another identity provider."),
    /** The citizen declined or cancelled. */
    DENIED("Bạn đã từ chối hoặc hủy đăng nhập.", "You declined or cancelled the login."),
    /** The provider could not authenticate the citizen at the required level (level 2 asked of a level-1 identity). */
    LEVEL_NOT_MET("Tài khoản định danh điện tử chưa đạt mức độ yêu cầu (cần mức độ 2).",
            "The e-ID account does not reach the required level (level 2 needed)."),
    /** The provider ended the authorization with another error. */
    PROVIDER_ERROR("Hệ thống định danh điện tử báo lỗi.", "The e-ID provider reported an error."),
    /** The token endpoint refused the code (used, expired, PKCE mismatch, consent withdrawn). */
    TOKEN_REFUSED("Mã đăng nhập không hợp lệ hoặc đã được dùng. Vui lòng đăng nhập lại.",
            "The login code is invalid or was already used. Please log in again."),
    /** The ID token is not signed by a key of the provider's JWKS. */
    BAD_SIGNATURE("Chữ ký của thông tin định danh không hợp lệ.", "The identity token's signature is invalid."),
    /** The ID token is meant for another client. */
    WRONG_AUDIENCE("Thông tin định danh được cấp cho dịch vụ khác.", "The identity token was issued to another service."),
    /** The ID token's nonce is not this login's (token injection or replay). */
    NONCE_MISMATCH("Thông tin định danh không thuộc phiên đăng nhập này.",
            "The identity token does not belong to this login."),
    /** The ID token has expired or is not yet valid. */
    EXPIRED("Thông tin định danh đã hết hạn.", "The identity token has expired."),
    /** The ID token's {@code acr} is below the level this login required. */
    LEVEL_TOO_LOW("Mức độ định danh thấp hơn mức yêu cầu.", "The identity level is below the required level."),
    /** The response or the ID token is malformed or misses required claims. */
    MALFORMED("Phản hồi không đúng định dạng.", "The response is malformed.");

    private final Bilingual text;

    LoginRefusal(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    /**
     * The reason for an error the provider sent back to the redirect URI.
     *
     * @param code the OAuth 2.0 {@code error} code, or null
     * @return {@link #DENIED} for {@code access_denied}, {@link #LEVEL_NOT_MET} for
     *     {@code unmet_authentication_requirements}, else {@link #PROVIDER_ERROR}
     */
    public static LoginRefusal ofProviderError(String code) {
        if ("access_denied".equals(code)) {
            return DENIED;
        }
        return "unmet_authentication_requirements".equals(code) ? LEVEL_NOT_MET : PROVIDER_ERROR;
    }

    @Override
    public Bilingual text() {
        return text;
    }
}
