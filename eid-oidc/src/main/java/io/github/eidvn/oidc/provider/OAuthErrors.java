package io.github.eidvn.oidc.provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import io.github.eidvn.core.spi.StateStoreException;

/**
 * The error answers of the PAR and token endpoints, written once: JSON with the HTTP status RFC 6749 §5.2 and
 * RFC 9126 §2.3 give (401 for {@code invalid_client}, 503 for {@code server_error}, else 400), never redirects; and
 * the fail-closed wrapper around each endpoint's work ({@link #answer}).
 */
final class OAuthErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EidOidcProvider.class);

    private OAuthErrors() {
    }

    /** The endpoints that answer with JSON errors, with their names in the logs. */
    enum Endpoint {
        /** The pushed authorization request endpoint. */
        PAR("pushed authorization refused", "pushed authorization failed"),
        /** The token endpoint. */
        TOKEN("token refused", "token request failed");

        private final String refused;
        private final String failed;

        Endpoint(String refused, String failed) {
            this.refused = refused;
            this.failed = failed;
        }

        /** @return the error response of this endpoint */
        HTTPResponse error(ErrorObject error) {
            ErrorObject e = withStatus(error);
            return switch (this) {
                case PAR -> new PushedAuthorizationErrorResponse(e).toHTTPResponse();
                case TOKEN -> new TokenErrorResponse(e).toHTTPResponse();
            };
        }
    }

    /** An endpoint's work: the success response, or a refusal. */
    @FunctionalInterface
    interface Work {
        /**
         * @return the success response
         * @throws Refused with the error to answer
         * @throws ParseException when the HTTP request is not the endpoint's request
         */
        HTTPResponse run() throws Refused, ParseException;
    }

    /** A refused request inside an endpoint, carrying the error to answer with. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ErrorObject error;

        Refused(ErrorObject error) {
            super(error.getCode(), null, false, false);
            this.error = error;
        }
    }

    /**
     * Runs an endpoint's work, failing closed: a malformed request is {@code invalid_request} (with what the parser
     * says is wrong, never the request's content), a refusal its error, an unreachable state store and any other
     * failure {@code server_error} (logged without the request's content).
     *
     * @param endpoint the endpoint
     * @param work its work
     * @return the response
     */
    static HTTPResponse answer(Endpoint endpoint, Work work) {
        try {
            return work.run();
        } catch (ParseException e) {
            ErrorObject eo = e.getErrorObject();
            return endpoint.error(OAuth2Error.INVALID_REQUEST.setDescription(
                    eo != null && eo.getDescription() != null ? eo.getDescription() : "malformed request"));
        } catch (Refused e) {
            return endpoint.error(e.error);
        } catch (StateStoreException e) {
            LOG.warn("{}: state store unavailable", endpoint.refused);
            return endpoint.error(OAuth2Error.SERVER_ERROR.setDescription("state store unavailable"));
        } catch (RuntimeException e) {
            LOG.error("{}: {}", endpoint.failed, e.getClass().getName());
            return endpoint.error(OAuth2Error.SERVER_ERROR);
        }
    }

    /** @return {@code invalid_request} with the description */
    static Refused invalidRequest(String description) {
        return new Refused(OAuth2Error.INVALID_REQUEST.setDescription(description));
    }

    private static ErrorObject withStatus(ErrorObject e) {
        int status = OAuth2Error.INVALID_CLIENT.getCode().equals(e.getCode()) ? 401
                : OAuth2Error.SERVER_ERROR.getCode().equals(e.getCode()) ? 503 : 400;
        return e.setHTTPStatusCode(status);
    }
}
