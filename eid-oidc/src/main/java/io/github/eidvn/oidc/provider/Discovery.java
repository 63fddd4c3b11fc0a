package io.github.eidvn.oidc.provider;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.assurance.IdentityTrustFramework;
import com.nimbusds.openid.connect.sdk.assurance.evidences.IdentityEvidenceType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import io.github.eidvn.core.consent.CitizenField;

/**
 * The provider's endpoints under its issuer URI, and its discovery document (OpenID Connect Discovery 1.0 with the
 * RFC 9126, RFC 9207 and Identity Assurance members).
 */
final class Discovery {

    private final Issuer issuer;
    private final URI authorizationEndpoint;
    private final String json;

    Discovery(Issuer issuer, URI authorizationEndpoint, Collection<OidcClientRegistration> clients) {
        this.issuer = issuer;
        this.authorizationEndpoint = authorizationEndpoint == null ? endpoint(EidOidcProvider.AUTHORIZE_PATH)
                : authorizationEndpoint;
        this.json = document(clients);
    }

    /** @return the authorization endpoint (the integrator's page) */
    URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    /** @return the URI of a path under the issuer */
    URI endpoint(String path) {
        String base = issuer.getValue();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** @return the discovery document */
    String json() {
        return json;
    }

    private String document(Collection<OidcClientRegistration> clients) {
        OIDCProviderMetadata m = new OIDCProviderMetadata(issuer, List.of(SubjectType.PAIRWISE),
                endpoint(EidOidcProvider.JWKS_PATH));
        m.setAuthorizationEndpointURI(authorizationEndpoint);
        m.setTokenEndpointURI(endpoint(EidOidcProvider.TOKEN_PATH));
        m.setPushedAuthorizationRequestEndpointURI(endpoint(EidOidcProvider.PAR_PATH));
        m.requiresPushedAuthorizationRequests(true);
        m.setResponseTypes(List.of(ResponseType.CODE));
        m.setResponseModes(List.of(ResponseMode.QUERY));
        m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
        m.setScopes(new Scope(OIDCScopeValue.OPENID));
        m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        Set<ClientAuthenticationMethod> methods = new LinkedHashSet<>();
        for (OidcClientRegistration c : clients) {
            methods.add(c.tls() == null ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
                    : ClientAuthenticationMethod.parse(c.tls().method()));
        }
        m.setTokenEndpointAuthMethods(List.copyOf(methods));
        m.setTokenEndpointJWSAlgs(List.of(JWSAlgorithm.ES256));
        m.setIDTokenJWSAlgs(List.of(JWSAlgorithm.ES256));
        m.setRequestObjectJWSAlgs(List.of(JWSAlgorithm.ES256));
        m.setSupportsRequestParam(true);
        m.setSupportsRequestURIParam(false);
        m.setSupportsAuthorizationResponseIssuerParam(true);
        m.setACRs(List.of(new ACR(EidOidcProvider.ACR_LOA1), new ACR(EidOidcProvider.ACR_LOA2)));
        List<String> claimNames = new ArrayList<>();
        for (CitizenField f : CitizenField.values()) {
            claimNames.add(f.claimName());
        }
        m.setSupportsVerifiedClaims(true);
        m.setIdentityTrustFrameworks(List.of(new IdentityTrustFramework(EidOidcProvider.TRUST_FRAMEWORK)));
        m.setIdentityEvidenceTypes(List.of(IdentityEvidenceType.ELECTRONIC_RECORD, IdentityEvidenceType.DOCUMENT));
        m.setVerifiedClaims(claimNames);
        return m.toJSONObject().toJSONString();
    }
}
