package io.github.eidvn.oidc.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import io.github.eidvn.core.spi.StateStoreException;

/** The PAR and token endpoints' error answers: JSON, the RFC status, fail closed. */
class OAuthErrorsTest {

    private static Map<String, Object> body(HTTPResponse r) throws Exception {
        return r.getBodyAsJSONObject();
    }

    @Test
    void answer_malformedRequest_invalidRequestWithTheParsersDescription() throws Exception {
        HTTPResponse r = OAuthErrors.answer(OAuthErrors.Endpoint.PAR, () -> {
            throw new ParseException("x", OAuth2Error.INVALID_REQUEST.setDescription("Missing client_id"));
        });
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(body(r)).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Missing client_id");
    }

    @Test
    void answer_malformedRequestWithoutDescription_saysMalformedRequest() throws Exception {
        HTTPResponse r = OAuthErrors.answer(OAuthErrors.Endpoint.TOKEN, () -> {
            throw new ParseException("secret request content");
        });
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(body(r)).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "malformed request");
    }

    @Test
    void answer_invalidClient_401() throws Exception {
        HTTPResponse r = OAuthErrors.answer(OAuthErrors.Endpoint.TOKEN, () -> {
            throw new OAuthErrors.Refused(OAuth2Error.INVALID_CLIENT.setDescription("unknown client"));
        });
        assertThat(r.getStatusCode()).isEqualTo(401);
        assertThat(body(r)).containsEntry("error", "invalid_client");
    }

    @Test
    void answer_invalidGrant_400() throws Exception {
        HTTPResponse r = OAuthErrors.answer(OAuthErrors.Endpoint.TOKEN, () -> {
            throw new OAuthErrors.Refused(OAuth2Error.INVALID_GRANT);
        });
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(body(r)).containsEntry("error", "invalid_grant");
    }

    @Test
    void answer_stateStoreDown_503ServerError() throws Exception {
        HTTPResponse r = OAuthErrors.answer(OAuthErrors.Endpoint.PAR, () -> {
            throw new StateStoreException("down (test)", null);
        });
        assertThat(r.getStatusCode()).isEqualTo(503);
        assertThat(body(r)).containsEntry("error", "server_error")
                .containsEntry("error_description", "state store unavailable");
    }

    @Test
    void answer_unexpectedFailure_503ServerErrorWithoutItsMessage() throws Exception {
        HTTPResponse r = OAuthErrors.answer(OAuthErrors.Endpoint.TOKEN, () -> {
            throw new IllegalStateException("secret detail");
        });
        assertThat(r.getStatusCode()).isEqualTo(503);
        assertThat(body(r)).containsEntry("error", "server_error");
        assertThat(r.getBody()).doesNotContain("secret detail");
    }
}
