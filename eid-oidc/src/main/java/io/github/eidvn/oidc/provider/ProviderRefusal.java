package io.github.eidvn.oidc.provider;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/**
 * Why the provider could not continue an authorization where no redirect to the client is safe (the request is
 * unknown, so its redirect URI is not trusted): the integrator shows the message on its own page.
 */
public enum ProviderRefusal implements HasBilingualText {
    /** The request URI is unknown, already used, expired, or belongs to another client. */
    UNKNOWN_REQUEST("Yêu cầu đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng quay lại trang dịch vụ và thử lại.",
            "The login request is invalid or has expired. Go back to the service and try again."),
    /** The transaction is unknown, finished or expired, or the step was called out of order. */
    UNKNOWN_TRANSACTION("Phiên đăng nhập đã kết thúc hoặc hết hạn. Vui lòng quay lại trang dịch vụ và thử lại.",
            "The login session has ended or expired. Go back to the service and try again."),
    /** The state store or the ledger could not be reached; nothing was granted. */
    UNAVAILABLE("Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau.",
            "The service is temporarily unavailable. Please try again later.");

    private final Bilingual text;

    ProviderRefusal(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    @Override
    public Bilingual text() {
        return text;
    }
}
