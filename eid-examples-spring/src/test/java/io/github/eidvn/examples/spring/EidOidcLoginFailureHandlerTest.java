package io.github.eidvn.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import io.github.eidvn.oidc.client.LoginRefusal;
import io.github.eidvn.spring.boot.oidc.EidOidcLoginFailureHandler;

/** The refusal page: eid's bilingual reason, never the provider's own text. */
class EidOidcLoginFailureHandlerTest {

    private static String page(Exception e) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new EidOidcLoginFailureHandler().onAuthenticationFailure(new MockHttpServletRequest(), response,
                (org.springframework.security.core.AuthenticationException) e);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("text/plain");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String bilingual(LoginRefusal r) {
        return r.vietnamese() + " / " + r.english();
    }

    @Test
    void providerError_mappedToEidReason_providerDescriptionNotShown() throws Exception {
        String body = page(new OAuth2AuthenticationException(
                new OAuth2Error("access_denied", "<script>provider text</script>", null)));
        assertThat(body).isEqualTo(bilingual(LoginRefusal.DENIED));
    }

    @Test
    void parRefusalWrappedByTheRedirectFilter_showsEidReason() throws Exception {
        OAuth2AuthenticationException refusal = new OAuth2AuthenticationException(new OAuth2Error(
                "eid_request_refused", bilingual(LoginRefusal.REQUEST_REFUSED), null));
        String body = page(new AuthenticationServiceException("authorization request failed", refusal));
        assertThat(body).isEqualTo(bilingual(LoginRefusal.REQUEST_REFUSED));
    }

    @Test
    void unknownFailure_genericProviderError() throws Exception {
        assertThat(page(new AuthenticationServiceException("x"))).isEqualTo(bilingual(LoginRefusal.PROVIDER_ERROR));
    }
}
