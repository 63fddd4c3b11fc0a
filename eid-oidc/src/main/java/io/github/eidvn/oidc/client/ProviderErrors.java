package io.github.eidvn.oidc.client;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;

/** Maps an OAuth error the provider answered with to a {@link LoginRefused}. */
final class ProviderErrors {

    private ProviderErrors() {
    }

    /**
     * @param error the provider's error, or null
     * @param otherwise the reason when the error is not the provider's own trouble
     * @return {@code PROVIDER_UNAVAILABLE} for {@code server_error} and {@code temporarily_unavailable}, else
     *     {@code otherwise}; the detail names the code and description
     */
    static LoginRefused refusal(ErrorObject error, LoginRefusal otherwise) {
        return new LoginRefused(unavailable(error) ? LoginRefusal.PROVIDER_UNAVAILABLE : otherwise, describe(error));
    }

    /** The code and description, for {@link LoginRefused#detail()}. */
    static String describe(ErrorObject e) {
        return e == null ? "no error object"
                : e.getCode() + (e.getDescription() == null ? "" : ": " + e.getDescription());
    }

    /** The provider's own trouble, not a refusal of this client's request. */
    private static boolean unavailable(ErrorObject e) {
        return e != null && (OAuth2Error.SERVER_ERROR.equals(e) || OAuth2Error.TEMPORARILY_UNAVAILABLE.equals(e));
    }
}
