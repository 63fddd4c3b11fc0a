package io.github.eidvn.oidc.provider;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

/**
 * The error answers of the PAR and token endpoints: JSON with the HTTP status RFC 6749 §5.2 and RFC 9126 §2.3 give
 * (401 for {@code invalid_client}, 503 for {@code server_error}, else 400), never redirects.
 */
final class OAuthErrors {

    private OAuthErrors() {
    }

    /** A refused request inside an endpoint, carrying the error to answer with. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ErrorObject error;

        Refused(ErrorObject error) {
            super(error.getCode(), null, false, false);
            this.error = error;
        }

        ErrorObject error() {
            return error;
        }
    }

    static HTTPResponse par(ErrorObject error) {
        return new PushedAuthorizationErrorResponse(withStatus(error)).toHTTPResponse();
    }

    static HTTPResponse token(ErrorObject error) {
        return new TokenErrorResponse(withStatus(error)).toHTTPResponse();
    }

    /** {@code invalid_request} with what the parser says is wrong (never the request's content). */
    static ErrorObject malformed(ParseException e) {
        ErrorObject eo = e.getErrorObject();
        return OAuth2Error.INVALID_REQUEST.setDescription(eo != null && eo.getDescription() != null
                ? eo.getDescription() : "malformed request");
    }

    private static ErrorObject withStatus(ErrorObject e) {
        int status = OAuth2Error.INVALID_CLIENT.getCode().equals(e.getCode()) ? 401
                : OAuth2Error.SERVER_ERROR.getCode().equals(e.getCode()) ? 503 : 400;
        return e.setHTTPStatusCode(status);
    }
}
